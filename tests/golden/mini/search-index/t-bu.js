__owSearch("t","bu",{"bureau":[3,3]},[]);
