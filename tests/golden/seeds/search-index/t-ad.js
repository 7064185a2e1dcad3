__owSearch("t","ad",{"add":[72,1],"added":[71,1,3,1],"address":[74,1,7,1,1,1,1,1,1,1,1,1],"addressed":[75,1],"adds":[74,1]},[]);
