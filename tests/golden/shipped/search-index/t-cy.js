__owSearch("t","cy",{"cyber":[3,5,29,20],"cybercrime":[32,1]},[]);
