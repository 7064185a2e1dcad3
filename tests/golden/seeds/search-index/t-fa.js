__owSearch("t","fa",{"fac":[2,1,4,1],"facilitation":[112,16],"fact":[71,1,1,1],"fail":[57,1],"famili":[3,1],"far":[1,1,71,1,93,17],"faster":[5,1]},[]);
