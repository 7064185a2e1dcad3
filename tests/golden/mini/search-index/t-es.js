__owSearch("t","es",{"estimat":[37,17,59,16]},[]);
