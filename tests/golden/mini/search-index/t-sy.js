__owSearch("t","sy",{"system":[68,16]},[]);
