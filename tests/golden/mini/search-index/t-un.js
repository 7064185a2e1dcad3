__owSearch("t","un",{"unit":[1,4,2,22],"units":[13,1],"unstated":[1,1]},[]);
