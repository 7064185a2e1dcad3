__owSearch("t","ta",{"takedown":[10,1]},[]);
