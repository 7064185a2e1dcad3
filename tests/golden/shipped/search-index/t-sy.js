__owSearch("t","sy",{"system":[57,1]},[]);
