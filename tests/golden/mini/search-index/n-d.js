__owSearch("n","d",{"dakar":1,"databas":1,"delegat":1,"department":3,"detain":4,"detect":3,"detention":4,"director":1,"directorat":1,"disabl":1,"dismantl":1,"document":1,"donor":1,"down":2});
