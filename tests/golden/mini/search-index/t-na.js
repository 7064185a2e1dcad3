__owSearch("t","na",{"named":[2,1,10,1],"names":[2,1],"national":[0,4,1,4,2,1,1,21]},[]);
