__owSearch("n","k",{"kenya":4,"khal":1,"kind":2,"kingdom":4,"known":1,"kyrgyzstan":2});
