__owSearch("t","or",{"org":[35,1,22,1,24,1],"organisation":[9,3,1,3,5,4,2,3,13,1,41,1,10,1],"organisations":[79,21],"organised":[23,1,10,1],"organization":[6,4,9,20],"organizations":[2,2]},[]);
