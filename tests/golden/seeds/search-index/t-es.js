__owSearch("t","es",{"esp":[65,16],"estimated":[57,1]},[]);
