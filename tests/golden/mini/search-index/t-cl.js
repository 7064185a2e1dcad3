__owSearch("t","cl",{"clos":[28,17,10,16]},[]);
