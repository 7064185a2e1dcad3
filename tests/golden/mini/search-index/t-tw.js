__owSearch("t","tw",{"two":[1,20]},[]);
