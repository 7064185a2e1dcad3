__owSearch("t","em",{"emirates":[1,6,6,6,9,1,12,21,39,22],"empty":[72,1]},[]);
