__owSearch("t","wi",{"wir":[95,4],"without":[64,1,16,1]},[]);
