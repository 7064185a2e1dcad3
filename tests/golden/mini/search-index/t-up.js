__owSearch("t","up",{"up":[0,1,16,6]},[]);
