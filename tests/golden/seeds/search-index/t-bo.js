__owSearch("t","bo",{"bodies":[34,1],"body":[30,1],"borders":[5,1],"both":[1,1],"bottom":[74,1],"boystown":[0,22,3,1,10,1,68,1]},[]);
