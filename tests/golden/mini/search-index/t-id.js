__owSearch("t","id",{"identifi":[0,6,16,23,6,23,1,23,2,23,4,22],"identiti":[31,1]},[]);
