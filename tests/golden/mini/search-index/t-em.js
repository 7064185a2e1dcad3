__owSearch("t","em",{"emphasis":[0,1]},[]);
