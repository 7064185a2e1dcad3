__owSearch("t","ru",{"run":[67,1]},[]);
