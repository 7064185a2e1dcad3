__owSearch("t","id",{"id":[72,1],"identified":[1,1,73,1],"identify":[1,1,4,1,9,1,57,1],"idn":[48,16],"ids":[72,1]},[]);
