__owSearch("t","va",{"validated":[72,1],"value":[6,1,66,1,3,1],"values":[72,1]},[]);
