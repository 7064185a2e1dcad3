__owSearch("t","ru",{"rules":[71,1],"run":[6,1],"running":[0,2,13,1,1,1],"rus":[61,16],"russia":[7,4,54,20],"russian":[7,4,54,16]},[]);
