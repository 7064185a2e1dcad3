__owSearch("t","ty",{"type":[72,1]},[]);
