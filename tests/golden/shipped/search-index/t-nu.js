__owSearch("t","nu",{"number":[5,1,2,1,65,1,2,1],"numbered":[74,1],"numbers":[73,1],"numerous":[7,1]},[]);
