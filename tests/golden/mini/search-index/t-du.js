__owSearch("t","du",{"dur":[31,1]},[]);
