__owSearch("t","du",{"duration":[72,1],"during":[1,1,2,1,25,1,39,1]},[]);
