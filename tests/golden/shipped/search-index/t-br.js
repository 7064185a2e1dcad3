__owSearch("t","br",{"bra":[40,16],"brazil":[7,5,33,21],"brings":[34,1]},[]);
