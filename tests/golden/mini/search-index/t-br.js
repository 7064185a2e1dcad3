__owSearch("t","br",{"broken":[26,1]},[]);
