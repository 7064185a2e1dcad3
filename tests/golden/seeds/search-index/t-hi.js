__owSearch("t","hi",{"him":[3,1]},[]);
