__owSearch("t","el",{"electronic":[7,2],"else":[72,1]},[]);
