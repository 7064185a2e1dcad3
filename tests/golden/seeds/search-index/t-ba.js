__owSearch("t","ba",{"backed":[26,1],"background":[0,1,1,1,2,1,54,1,24,1],"bahrain":[1,5,15,1,21,21],"bamako":[6,7,14,30],"based":[3,2,27,1,2,1],"basis":[1,1]},[]);
