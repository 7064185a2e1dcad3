__owSearch("t","tw",{"twice":[74,1],"two":[0,1,3,1]},[]);
