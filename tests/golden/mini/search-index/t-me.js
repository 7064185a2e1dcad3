__owSearch("t","me",{"meeting":[0,1]},[]);
