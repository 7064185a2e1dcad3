__owSearch("t","ig",{"igo":[127,16]},[]);
