__owSearch("t","ob",{"obtained":[1,1]},[]);
