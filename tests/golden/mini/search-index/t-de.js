__owSearch("t","de",{"default":[36,1],"delegat":[34,16],"department":[59,16,1,22,3,16],"detain":[0,5,1,5,1,5,13,16],"detect":[0,5,22,16,10,21],"detention":[0,5,1,5,1,5,13,16],"devic":[33,1]},[]);
