__owSearch("t","ne",{"news":[15,3]},[]);
