__owSearch("t","ad",{"address":[94,1]},[]);
