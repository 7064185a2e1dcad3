__owSearch("t","or",{"organisation":[0,4,5,21],"organisations":[13,21]},[]);
