__owSearch("t","ra",{"raid":[3,3,27,1],"raided":[3,1,29,1],"ran":[1,2,5,1],"rarely":[74,1]},[]);
