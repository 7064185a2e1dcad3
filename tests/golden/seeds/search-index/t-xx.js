__owSearch("t","xx",{"xxxx":[72,1]},[]);
