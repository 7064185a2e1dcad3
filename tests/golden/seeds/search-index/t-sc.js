__owSearch("t","sc",{"scandal":[57,1],"schema":[75,1],"scop":[72,1],"screen":[97,16]},[]);
