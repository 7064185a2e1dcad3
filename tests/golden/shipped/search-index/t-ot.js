__owSearch("t","ot",{"other":[0,2,2,1,2,1,21,1,3,1],"others":[1,1]},[]);
