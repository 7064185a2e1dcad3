__owSearch("t","il",{"illegal":[98,16,14,16],"illustrat":[6,1]},[]);
