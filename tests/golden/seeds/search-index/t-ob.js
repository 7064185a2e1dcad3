__owSearch("t","ob",{"obstacl":[2,1],"obtain":[1,1]},[]);
