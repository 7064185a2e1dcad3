__owSearch("t","lo",{"local":[57,1,73,1],"location":[150,16],"lockdown":[1,2,28,1],"look":[2,1],"lower":[72,1]},[]);
