__owSearch("t","ig",{"igo":[128,16]},[]);
