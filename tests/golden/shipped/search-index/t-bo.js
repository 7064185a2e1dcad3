__owSearch("t","bo",{"borders":[5,1],"bottom":[74,1],"boystown":[0,22,13,1,68,1]},[]);
