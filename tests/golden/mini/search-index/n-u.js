__owSearch("n","u",{"umbrella":1,"under":2,"unit":3,"upward":1,"user":1});
