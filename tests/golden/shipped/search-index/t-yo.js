__owSearch("t","yo",{"you":[72,1],"young":[4,1,21,1]},[]);
