__owSearch("t","nu",{"number":[5,1,2,1,65,1,2,1,9,1],"numbered":[74,1],"numbers":[73,1]},[]);
