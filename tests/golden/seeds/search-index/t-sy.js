__owSearch("t","sy",{"system":[35,1,22,1,79,16]},[]);
