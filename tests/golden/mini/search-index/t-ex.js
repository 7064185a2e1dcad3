__owSearch("t","ex",{"example":[16,4],"exploitation":[1,3]},[]);
