__owSearch("t","im",{"images":[0,2],"immediate":[14,1]},[]);
