__owSearch("t","er",{"ernie":[2,2,32,1]},[]);
