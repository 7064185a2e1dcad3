__owSearch("t","ef",{"efforts":[3,1,4,1,3,1,1,1,6,1]},[]);
