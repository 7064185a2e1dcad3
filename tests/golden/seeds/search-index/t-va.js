__owSearch("t","va",{"validat":[72,1],"valu":[6,1,66,1,3,1]},[]);
