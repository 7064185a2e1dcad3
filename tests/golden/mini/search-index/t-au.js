__owSearch("t","au",{"authoriti":[79,1,2,1]},[]);
