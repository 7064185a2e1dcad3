__owSearch("t","bl",{"block":[1,1],"blog":[81,3],"blr":[38,16]},[]);
