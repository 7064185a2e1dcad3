__owSearch("t","tr",{"trafficking":[0,3,2,3]},[]);
