__owSearch("t","ra",{"raid":[1,1],"raids":[0,1]},[]);
