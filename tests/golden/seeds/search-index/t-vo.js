__owSearch("t","vo",{"vocabulari":[72,1],"voic":[72,1]},[]);
