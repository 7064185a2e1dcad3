__owSearch("t","au",{"aus":[36,16],"australia":[1,6,7,4,28,21],"australian":[1,1,7,20,20,1,39,1,17,1],"author":[81,1],"authorities":[57,1],"automatic":[75,1],"automatically":[71,1,4,1]},[]);
