__owSearch("t","wi",{"wir":[98,4],"without":[64,1,16,1]},[]);
