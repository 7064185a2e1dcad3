__owSearch("t","br",{"bra":[40,16],"brazil":[7,5,33,21],"break":[2,1],"bring":[34,1],"broken":[92,1]},[]);
