__owSearch("t","iv",{"iv":[72,1],"ivoire":[21,4,23,21]},[]);
