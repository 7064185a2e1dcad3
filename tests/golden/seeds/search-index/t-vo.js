__owSearch("t","vo",{"vocabulari":[72,1]},[]);
