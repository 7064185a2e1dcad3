__owSearch("t","er",{"erni":[2,2,32,1]},[]);
