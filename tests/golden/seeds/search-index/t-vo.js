__owSearch("t","vo",{"vocabulary":[72,1],"voice":[72,1]},[]);
