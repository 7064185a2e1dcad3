__owSearch("t","ou",{"out":[36,1,6,1]},[]);
