__owSearch("n","j",{"joint":2,"judgment":1,"just":1});
