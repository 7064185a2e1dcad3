__owSearch("t","cy",{"cyber":[3,5,29,21,93,1]},[]);
