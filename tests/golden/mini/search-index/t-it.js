__owSearch("t","it",{"item":[33,22],"itself":[71,1,9,1]},[]);
