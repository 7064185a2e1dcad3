__owSearch("t","cs",{"csv":[72,1]},[]);
