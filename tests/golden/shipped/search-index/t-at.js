__owSearch("t","at",{"attribution":[72,1]},[]);
