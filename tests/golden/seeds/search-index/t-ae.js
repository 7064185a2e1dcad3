__owSearch("t","ae",{"aegis":[145,16,22,5]},[]);
