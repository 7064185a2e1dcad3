__owSearch("t","wo",{"world":[0,4,5,20]},[]);
