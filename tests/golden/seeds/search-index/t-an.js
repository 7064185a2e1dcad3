__owSearch("t","an",{"analysed":[1,1],"analysis":[2,1],"announced":[7,1,21,1,39,1,5,1,2,1],"announcement":[7,1,68,1,10,1],"another":[74,1],"any":[71,1,4,1],"anyone":[71,1,2,1],"anything":[6,1]},[]);
