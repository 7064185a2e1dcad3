__owSearch("t","fe",{"federal":[1,1,7,20,3,20,17,1,39,1,17,1],"federation":[7,4,54,16],"fewer":[74,1]},[]);
