__owSearch("n","k",{"kenya":4,"khal":1,"kingdom":4,"kyrgyzstan":2});
