__owSearch("t","by",{"byline":[81,1,1,1,1,1,1,1]},[]);
