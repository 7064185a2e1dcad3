__owSearch("t","ci",{"circulate":[2,1],"citation":[74,1],"cite":[72,1,3,1,5,1],"cited":[71,1,1,1,1,1],"cites":[71,1,4,1],"civ":[44,16],"civil":[9,1,25,1]},[]);
