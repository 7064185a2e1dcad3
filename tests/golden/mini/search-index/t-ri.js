__owSearch("t","ri",{"ring":[26,16]},[]);
