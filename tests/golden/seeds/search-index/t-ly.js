__owSearch("t","ly",{"lyon":[6,7,13,1,5,1]},[]);
