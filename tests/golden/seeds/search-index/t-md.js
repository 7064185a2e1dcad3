__owSearch("t","md",{"mdv":[52,16]},[]);
