__owSearch("t","sm",{"smuggl":[112,23]},[]);
