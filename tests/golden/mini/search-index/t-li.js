__owSearch("t","li",{"lik":[33,1],"link":[0,1,29,1],"littl":[38,1],"liv":[42,1]},[]);
