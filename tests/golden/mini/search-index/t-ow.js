__owSearch("t","ow",{"own":[64,1]},[]);
