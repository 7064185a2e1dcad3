__owSearch("t","ht",{"html":[71,1]},[]);
