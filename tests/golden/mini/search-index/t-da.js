__owSearch("t","da",{"dakar":[0,6],"dat":[11,1,84,16],"databas":[68,22],"day":[52,17]},[]);
