__owSearch("t","wi",{"wikipedia":[81,1],"window":[72,1,3,1],"without":[0,1,71,1,1,1]},[]);
