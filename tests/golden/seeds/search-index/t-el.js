__owSearch("t","el",{"electronic":[7,2]},[]);
