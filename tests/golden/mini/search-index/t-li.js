__owSearch("t","li",{"link":[0,1]},[]);
