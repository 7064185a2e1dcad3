__owSearch("t","ve",{"verified":[75,1]},[]);
