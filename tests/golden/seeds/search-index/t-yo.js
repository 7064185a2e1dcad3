__owSearch("t","yo",{"yoro":[20,1],"you":[72,1],"young":[4,1,21,1]},[]);
