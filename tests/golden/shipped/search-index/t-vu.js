__owSearch("t","vu",{"vulnerability":[1,1]},[]);
