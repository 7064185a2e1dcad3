__owSearch("t","ju",{"june":[1,1],"justice":[57,1]},[]);
