__owSearch("n","h",{"headquarter":1,"help":1,"host":2,"human":6});
