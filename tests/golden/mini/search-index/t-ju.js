__owSearch("t","ju",{"judgment":[91,17],"just":[38,16]},[]);
