__owSearch("t","of",{"official":[16,3]},[]);
