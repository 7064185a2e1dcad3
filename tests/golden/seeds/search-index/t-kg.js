__owSearch("t","kg",{"kgz":[51,16]},[]);
