__owSearch("t","ir",{"irregular":[98,21],"irregularli":[98,1,14,1]},[]);
