__owSearch("t","fa",{"facilitation":[46,16]},[]);
