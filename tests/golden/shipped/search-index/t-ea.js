__owSearch("t","ea",{"each":[74,1,1,1]},[]);
