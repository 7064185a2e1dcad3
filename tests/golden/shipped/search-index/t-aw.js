__owSearch("t","aw",{"award":[2,2,7,1,9,1]},[]);
