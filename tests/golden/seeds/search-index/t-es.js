__owSearch("t","es",{"esp":[65,16],"estimat":[57,1,46,17]},[]);
