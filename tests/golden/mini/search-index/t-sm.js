__owSearch("t","sm",{"smuggl":[46,23]},[]);
