__owSearch("t","cu",{"custodi":[0,5,1,5,1,5,13,17]},[]);
