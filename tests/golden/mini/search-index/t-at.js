__owSearch("t","at",{"attende":[34,16]},[]);
