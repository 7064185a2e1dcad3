__owSearch("t","io",{"iom":[61,1]},[]);
