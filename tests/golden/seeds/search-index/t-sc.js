__owSearch("t","sc",{"scandal":[57,1],"schemas":[75,1],"scope":[72,1]},[]);
