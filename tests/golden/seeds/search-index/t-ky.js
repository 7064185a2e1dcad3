__owSearch("t","ky",{"kyrgyzstan":[7,5,44,21]},[]);
