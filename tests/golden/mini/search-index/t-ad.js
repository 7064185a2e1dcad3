__owSearch("t","ad",{"add":[95,1,1,1],"address":[97,1]},[]);
