__owSearch("t","ab",{"about":[8,21,7,6]},[]);
