__owSearch("t","at",{"attende":[2,5,98,16],"attribut":[71,1,1,1],"attribution":[72,1]},[]);
