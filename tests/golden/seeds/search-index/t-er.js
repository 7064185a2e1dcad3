__owSearch("t","er",{"ernie":[2,1,32,1]},[]);
