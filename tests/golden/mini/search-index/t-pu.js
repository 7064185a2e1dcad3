__owSearch("t","pu",{"public":[83,1],"publish":[17,1,71,1,4,1]},[]);
