__owSearch("t","kh",{"khal":[171,4]},[]);
