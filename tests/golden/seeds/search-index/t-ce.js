__owSearch("t","ce",{"cell":[72,1],"center":[3,4,27,20],"central":[6,1,14,21]},[]);
