__owSearch("t","ci",{"circa":[37,16],"cit":[14,1],"citi":[0,1],"civil":[65,16]},[]);
