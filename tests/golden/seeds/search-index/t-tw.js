__owSearch("t","tw",{"twic":[74,1],"two":[2,1]},[]);
