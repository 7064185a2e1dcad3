__owSearch("t","ea",{"each":[2,1,72,1,1,1]},[]);
