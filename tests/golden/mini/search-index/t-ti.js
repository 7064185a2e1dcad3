__owSearch("t","ti",{"timelin":[8,1,3,20],"tip":[72,18]},[]);
