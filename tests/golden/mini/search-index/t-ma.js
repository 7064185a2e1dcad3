__owSearch("t","ma",{"many":[2,20]},[]);
