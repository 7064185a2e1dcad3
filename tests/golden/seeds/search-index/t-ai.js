__owSearch("t","ai",{"aim":[1,1,32,1]},[]);
