__owSearch("t","ri",{"ring":[81,6,2,6]},[]);
