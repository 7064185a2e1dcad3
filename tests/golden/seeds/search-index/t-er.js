__owSearch("t","er",{"erni":[2,1,32,1]},[]);
