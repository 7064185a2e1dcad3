__owSearch("t","te",{"tech":[66,16]},[]);
