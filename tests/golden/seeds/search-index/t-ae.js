__owSearch("t","ae",{"aegis":[142,16,21,5]},[]);
