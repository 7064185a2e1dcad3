__owSearch("t","eu",{"europ":[6,3],"europol":[62,1]},[]);
