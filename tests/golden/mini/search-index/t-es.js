__owSearch("t","es",{"estimat":[37,17]},[]);
