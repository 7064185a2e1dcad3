__owSearch("t","js",{"json":[72,1,3,1]},[]);
