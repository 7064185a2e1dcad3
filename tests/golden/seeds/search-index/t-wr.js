__owSearch("t","wr",{"wrapp":[170,1],"writ":[11,1],"writer":[167,1],"written":[71,1,4,1]},[]);
