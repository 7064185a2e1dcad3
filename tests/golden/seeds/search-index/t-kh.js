__owSearch("t","kh",{"khal":[167,4]},[]);
