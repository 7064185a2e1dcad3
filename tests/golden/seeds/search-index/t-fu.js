__owSearch("t","fu",{"full":[11,1,61,1,3,1],"funded":[33,1],"funds":[6,1,6,1],"furniture":[84,1],"future":[75,1]},[]);
