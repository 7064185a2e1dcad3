__owSearch("t","ow",{"own":[75,1,7,1]},[]);
