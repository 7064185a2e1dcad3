__owSearch("t","ca",{"case":[10,1],"catalogue":[10,1,1,1,1,1]},[]);
