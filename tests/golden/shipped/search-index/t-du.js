__owSearch("t","du",{"during":[1,1,2,1,25,1,39,1]},[]);
