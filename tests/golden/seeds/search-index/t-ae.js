__owSearch("t","ae",{"aegis":[81,5]},[]);
