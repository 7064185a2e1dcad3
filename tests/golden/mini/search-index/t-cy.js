__owSearch("t","cy",{"cyber":[1,4,2,20,55,1]},[]);
