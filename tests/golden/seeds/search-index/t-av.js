__owSearch("t","av",{"available":[72,1]},[]);
