__owSearch("t","ad",{"address":[15,1]},[]);
