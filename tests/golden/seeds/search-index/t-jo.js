__owSearch("t","jo",{"job":[75,1],"joins":[26,1],"joint":[1,21,4,1,11,1,51,1,17,1],"jointly":[3,1],"journalist":[81,1],"journalists":[71,1]},[]);
