__owSearch("t","ju",{"june":[1,2],"justice":[57,1]},[]);
