__owSearch("t","cu",{"curated":[75,1],"curators":[75,1],"custody":[3,1]},[]);
