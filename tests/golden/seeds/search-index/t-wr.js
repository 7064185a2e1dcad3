__owSearch("t","wr",{"wrapped":[84,1],"writer":[81,1],"writes":[11,1],"written":[71,1,4,1]},[]);
