__owSearch("t","ki",{"kind":[72,1],"kingdom":[1,5,3,5,27,5,37,21]},[]);
