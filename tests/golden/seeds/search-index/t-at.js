__owSearch("t","at",{"attributed":[71,1,1,1],"attribution":[72,1]},[]);
