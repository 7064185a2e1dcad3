__owSearch("t","dr",{"drawn":[1,1],"draws":[71,1],"drew":[6,1,66,1]},[]);
