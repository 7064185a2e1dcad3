__owSearch("t","en",{"enforcement":[52,1,6,22],"enter":[32,1]},[]);
