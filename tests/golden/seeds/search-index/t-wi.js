__owSearch("t","wi",{"wikipedia":[35,1,22,1,24,1],"will":[6,1],"window":[72,1,3,1],"within":[2,1,23,1],"without":[0,1,3,1,68,1,1,1]},[]);
