__owSearch("t","ch",{"child":[1,3]},[]);
