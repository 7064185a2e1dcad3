__owSearch("t","ev",{"event":[11,1],"every":[10,1,1,1,1,1,2,1]},[]);
