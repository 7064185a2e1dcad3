__owSearch("t","bl",{"block":[27,23],"blog":[92,23]},[]);
