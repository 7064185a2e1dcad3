__owSearch("t","ti",{"timeline":[8,1,3,20]},[]);
