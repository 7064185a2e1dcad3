__owSearch("t","we",{"weapon":[33,1],"websit":[27,23,27,1]},[]);
