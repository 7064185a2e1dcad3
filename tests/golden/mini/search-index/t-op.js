__owSearch("t","op",{"operation":[0,22,1,22,1,3,8,1,1,1,4,6],"operations":[10,20]},[]);
