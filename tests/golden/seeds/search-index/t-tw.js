__owSearch("t","tw",{"twice":[74,1],"two":[2,1]},[]);
