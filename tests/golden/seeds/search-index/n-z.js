__owSearch("n","z",{"zainab":1,"zarra":1});
