__owSearch("t","ty",{"typ":[72,1]},[]);
