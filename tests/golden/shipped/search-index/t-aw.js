__owSearch("t","aw",{"award":[2,1,7,1,9,1]},[]);
