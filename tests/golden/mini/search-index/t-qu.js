__owSearch("t","qu",{"qualifier":[36,1],"quit":[38,16]},[]);
