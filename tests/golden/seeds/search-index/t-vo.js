__owSearch("t","vo",{"vocabulary":[72,1]},[]);
