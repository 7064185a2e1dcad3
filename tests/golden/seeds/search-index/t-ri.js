__owSearch("t","ri",{"ring":[81,6,2,6],"rise":[29,1]},[]);
