__owSearch("t","ai",{"aims":[1,1]},[]);
