__owSearch("t","fa",{"face":[6,1],"faces":[2,1],"facts":[72,1],"failings":[57,1],"families":[3,1],"faster":[5,1]},[]);
