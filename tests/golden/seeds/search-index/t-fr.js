__owSearch("t","fr",{"fra":[46,16],"france":[1,5,15,1,3,5,27,21],"freed":[6,1],"freeze":[5,1]},[]);
