__owSearch("t","el",{"electronic":[7,2],"els":[72,1]},[]);
