__owSearch("t","bh",{"bhr":[37,16]},[]);
