__owSearch("n","j",{"joint":1,"judgment":1,"just":1});
