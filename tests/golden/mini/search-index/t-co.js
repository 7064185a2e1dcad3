__owSearch("t","co",{"countries":[2,22,10,20],"country":[12,1]},[]);
