__owSearch("t","dr",{"draw":[71,1],"drawn":[1,1],"drew":[6,1,66,1]},[]);
