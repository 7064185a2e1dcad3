__owSearch("t","bl",{"block":[1,1],"blr":[38,16]},[]);
