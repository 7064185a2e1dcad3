__owSearch("t","av",{"availabl":[72,1]},[]);
