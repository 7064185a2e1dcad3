__owSearch("t","gb",{"gbr":[68,16]},[]);
