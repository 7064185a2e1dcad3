__owSearch("t","wa",{"watch":[7,2,64,1,1,1],"ways":[2,1]},[]);
