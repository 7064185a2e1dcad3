__owSearch("t","ig",{"igo":[61,16]},[]);
