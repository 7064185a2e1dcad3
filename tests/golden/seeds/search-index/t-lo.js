__owSearch("t","lo",{"local":[57,1],"location":[147,16],"lockdown":[1,2,28,1],"look":[2,1,4,1],"lower":[72,1]},[]);
