__owSearch("t","ov",{"over":[40,17]},[]);
