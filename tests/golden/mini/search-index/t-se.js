__owSearch("t","se",{"second":[1,1],"see":[8,1],"sen":[7,16],"senegal":[0,5,7,21],"several":[0,1],"sexual":[1,3]},[]);
