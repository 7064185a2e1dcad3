__owSearch("t","ja",{"january":[1,2,66,1]},[]);
