__owSearch("t","ng",{"ngos":[13,1]},[]);
