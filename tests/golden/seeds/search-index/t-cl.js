__owSearch("t","cl",{"claims":[57,1],"club":[3,1]},[]);
