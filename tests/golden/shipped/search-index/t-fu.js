__owSearch("t","fu",{"full":[72,1,3,1],"funds":[6,1,6,1],"furniture":[84,1],"further":[6,1],"future":[6,1,69,1]},[]);
