__owSearch("t","wr",{"wrapp":[166,1],"writ":[11,1],"writer":[163,1],"written":[71,1,4,1]},[]);
