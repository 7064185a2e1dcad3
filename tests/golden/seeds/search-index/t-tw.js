__owSearch("t","tw",{"twic":[74,1],"two":[0,1,3,1]},[]);
