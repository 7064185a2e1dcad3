__owSearch("t","ha",{"happen":[96,1]},[]);
