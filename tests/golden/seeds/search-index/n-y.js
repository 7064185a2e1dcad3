__owSearch("n","y",{"yaound":2});
