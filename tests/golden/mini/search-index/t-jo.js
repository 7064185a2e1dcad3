__owSearch("t","jo",{"joint":[52,16]},[]);
