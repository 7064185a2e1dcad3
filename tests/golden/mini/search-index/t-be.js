__owSearch("t","be",{"been":[51,1],"beg":[48,1],"begg":[48,22],"being":[17,1,28,16],"belong":[63,1],"below":[38,1],"between":[70,1],"beyond":[40,16]},[]);
