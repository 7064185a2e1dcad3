__owSearch("t","tc",{"tcd":[42,16]},[]);
