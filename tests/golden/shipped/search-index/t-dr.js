__owSearch("t","dr",{"drawn":[1,1],"drew":[6,1]},[]);
