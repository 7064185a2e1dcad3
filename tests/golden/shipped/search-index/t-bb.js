__owSearch("t","bb",{"bbc":[0,1,81,1]},[]);
