__owSearch("t","au",{"aus":[36,16],"australia":[1,6,7,4,28,21],"australian":[1,1,7,20,20,1,39,1,103,1],"author":[167,1],"authoriti":[57,1,91,1,2,1],"automatic":[75,1],"automaticalli":[71,1,4,1]},[]);
