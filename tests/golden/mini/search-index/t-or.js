__owSearch("t","or",{"order":[45,1],"organisation":[0,4,5,21,8,21,48,23,1,23,3,21,24,1,1,1],"organization":[61,16,1,16]},[]);
