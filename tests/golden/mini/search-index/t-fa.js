__owSearch("t","fa",{"facilitation":[46,16],"far":[95,17]},[]);
