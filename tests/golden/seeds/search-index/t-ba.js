__owSearch("t","ba",{"backed":[26,1],"background":[0,1,1,1,56,1,24,1],"bahrain":[1,5,15,1,21,21],"bamako":[6,8,14,30],"based":[3,2,27,1,2,1]},[]);
