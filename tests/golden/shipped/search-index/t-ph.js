__owSearch("t","ph",{"philippines":[7,5,53,21],"phl":[60,16]},[]);
