__owSearch("t","tw",{"twice":[74,1]},[]);
