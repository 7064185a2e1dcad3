__owSearch("t","ja",{"jan":[8,1],"januari":[1,2,66,1]},[]);
