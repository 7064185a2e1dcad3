__owSearch("t","no",{"no":[2,1,13,1],"none":[2,1]},[]);
