__owSearch("t","lo",{"local":[57,1],"lockdowns":[1,2,28,1],"looked":[2,1],"lower":[72,1]},[]);
