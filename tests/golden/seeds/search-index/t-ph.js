__owSearch("t","ph",{"phas":[72,1,2,1],"philippin":[7,5,53,21],"phl":[60,16]},[]);
