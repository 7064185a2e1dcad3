__owSearch("t","ga",{"gang":[26,16],"gav":[75,1]},[]);
