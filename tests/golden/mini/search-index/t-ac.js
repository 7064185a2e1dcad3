__owSearch("t","ac",{"across":[2,20]},[]);
