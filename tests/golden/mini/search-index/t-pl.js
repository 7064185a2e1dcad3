__owSearch("t","pl",{"plac":[81,22],"plann":[52,1],"platform":[30,22,24,17,12,17,7,1]},[]);
