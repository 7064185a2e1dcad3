__owSearch("t","qu",{"qualifier":[72,1],"quotes":[84,1],"quoting":[73,1]},[]);
