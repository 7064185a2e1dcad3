__owSearch("t","sg",{"sgp":[64,16]},[]);
