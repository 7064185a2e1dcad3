__owSearch("t","lo",{"local":[57,1],"location":[67,1],"lockdown":[1,1],"lockdowns":[1,1,28,1],"looked":[6,1]},[]);
