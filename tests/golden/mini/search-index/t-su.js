__owSearch("t","su",{"such":[66,1],"summit":[56,16],"suppli":[72,1],"support":[75,23,5,22],"suspect":[16,23,1,22,36,1,20,1],"suspend":[28,17]},[]);
