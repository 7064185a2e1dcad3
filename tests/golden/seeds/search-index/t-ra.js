__owSearch("t","ra",{"raid":[1,1,2,4,27,1],"raided":[32,1],"ran":[1,2,5,1],"range":[72,1],"rarely":[74,1]},[]);
