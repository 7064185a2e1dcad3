__owSearch("t","he",{"held":[0,1]},[]);
