__owSearch("t","pu",{"public":[3,1,68,1,3,1],"publication":[74,1,7,1,1,1,1,1,1,1,1,1],"publish":[1,1],"published":[72,1,3,1],"publisher":[81,1,1,1,1,1,1,1,1,1],"pull":[71,1],"purposes":[9,1]},[]);
