__owSearch("t","ap",{"app":[27,22],"apprehend":[0,5,1,5,1,5,13,16],"apprehension":[0,5,1,5,1,5,13,16],"approx":[37,16],"approximat":[37,1],"approximateli":[37,16]},[]);
