__owSearch("t","ae",{"aegis":[142,16,18,5]},[]);
