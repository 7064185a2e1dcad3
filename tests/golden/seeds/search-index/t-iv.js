__owSearch("t","iv",{"ivoir":[21,4,23,21]},[]);
