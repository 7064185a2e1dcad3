__owSearch("t","cc",{"cc":[72,1]},[]);
