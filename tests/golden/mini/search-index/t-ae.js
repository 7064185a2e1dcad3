__owSearch("t","ae",{"aegis":[76,16]},[]);
