__owSearch("t","sc",{"screen":[31,16]},[]);
