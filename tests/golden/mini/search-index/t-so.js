__owSearch("t","so",{"source":[15,1],"sources":[14,20]},[]);
