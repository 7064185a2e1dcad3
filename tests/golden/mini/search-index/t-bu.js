__owSearch("t","bu",{"bureau":[3,3,60,22],"business":[66,17],"bust":[26,16]},[]);
