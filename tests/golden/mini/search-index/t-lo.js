__owSearch("t","lo",{"location":[81,16]},[]);
