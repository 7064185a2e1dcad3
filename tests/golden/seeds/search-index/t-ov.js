__owSearch("t","ov",{"over":[5,1,52,1,17,1],"overlap":[74,1,1,1]},[]);
