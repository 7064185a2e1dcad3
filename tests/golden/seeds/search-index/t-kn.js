__owSearch("t","kn",{"known":[74,1]},[]);
