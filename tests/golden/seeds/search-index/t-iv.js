__owSearch("t","iv",{"ivoire":[21,4,23,21]},[]);
