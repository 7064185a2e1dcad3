__owSearch("t","ir",{"irregular":[32,21],"irregularli":[32,1,14,1]},[]);
