__owSearch("t","si",{"site":[8,1]},[]);
