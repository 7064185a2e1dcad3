__owSearch("t","va",{"validat":[72,1],"valu":[72,1,3,1]},[]);
