__owSearch("t","wr",{"wrapp":[163,1],"writ":[11,1],"writer":[160,1],"written":[71,1,4,1]},[]);
