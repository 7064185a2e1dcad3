__owSearch("t","fa",{"face":[2,1,4,1],"fact":[71,1],"facts":[72,1],"failings":[57,1],"families":[3,1],"far":[1,1,71,1],"faster":[5,1]},[]);
