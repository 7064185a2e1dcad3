__owSearch("t","wo",{"work":[47,1],"workshop":[56,16],"world":[0,4,5,20]},[]);
