__owSearch("t","il",{"illegal":[32,16,14,16]},[]);
