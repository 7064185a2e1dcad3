__owSearch("t","io",{"iom":[6,6,9,29]},[]);
