__owSearch("t","ve",{"venu":[81,16]},[]);
