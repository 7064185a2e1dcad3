__owSearch("t","ai",{"aimed":[33,1],"aims":[1,1]},[]);
