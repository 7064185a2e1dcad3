__owSearch("t","la",{"labour":[0,3]},[]);
