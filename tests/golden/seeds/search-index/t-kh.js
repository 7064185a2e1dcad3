__owSearch("t","kh",{"khal":[164,4]},[]);
