__owSearch("t","gr",{"groom":[42,17],"group":[26,17,61,1]},[]);
