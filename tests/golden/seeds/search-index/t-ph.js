__owSearch("t","ph",{"phase":[72,1,2,1],"phases":[72,1],"philippines":[7,5,53,21],"phl":[60,16]},[]);
