__owSearch("n","h",{"help":1,"host":2,"human":1});
