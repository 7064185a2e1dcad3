__owSearch("t","hu",{"human":[0,3,2,3]},[]);
