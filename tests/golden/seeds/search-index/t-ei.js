__owSearch("t","ei",{"eight":[75,1]},[]);
