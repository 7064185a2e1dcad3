__owSearch("t","bo",{"bodies":[2,2,32,1],"borders":[5,1],"both":[1,1],"bottom":[74,1],"boystown":[0,22,13,1,68,1]},[]);
