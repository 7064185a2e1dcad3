__owSearch("t","eu",{"europe":[6,3]},[]);
