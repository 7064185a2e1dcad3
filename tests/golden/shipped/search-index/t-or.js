__owSearch("t","or",{"org":[81,1],"organisation":[9,3,1,3,5,4,2,4,13,4,41,1],"organisations":[2,2,7,1,25,1,45,21],"organised":[33,1],"organization":[2,4,1,4,3,5,9,20,2,16]},[]);
