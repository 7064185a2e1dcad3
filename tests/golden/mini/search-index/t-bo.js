__owSearch("t","bo",{"body":[5,1]},[]);
