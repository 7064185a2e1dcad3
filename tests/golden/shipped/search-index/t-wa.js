__owSearch("t","wa",{"watch":[7,1,64,1,1,1]},[]);
