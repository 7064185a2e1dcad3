__owSearch("n","u",{"umbrella":1,"under":2,"unit":14,"unknown":2,"unnam":1,"unspecifi":1,"upward":1,"user":2,"uzbekistan":2});
