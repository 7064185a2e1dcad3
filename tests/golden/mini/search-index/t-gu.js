__owSearch("t","gu",{"guilti":[18,1]},[]);
