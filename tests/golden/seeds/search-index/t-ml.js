__owSearch("t","ml",{"mli":[53,16]},[]);
