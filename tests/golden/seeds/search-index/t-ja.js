__owSearch("t","ja",{"jane":[8,1],"january":[1,2,66,1]},[]);
