__owSearch("t","ye",{"year":[1,1,10,1]},[]);
