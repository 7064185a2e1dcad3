__owSearch("t","hu",{"human":[0,3,2,3,43,22]},[]);
