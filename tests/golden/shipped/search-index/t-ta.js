__owSearch("t","ta",{"takedown":[0,21,72,1,4,1,5,1],"taken":[3,1,78,1],"taking":[3,1,69,1],"talal":[27,1]},[]);
