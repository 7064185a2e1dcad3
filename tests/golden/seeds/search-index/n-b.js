__owSearch("n","b",{"bahrain":2,"bamako":2,"begg":1,"being":3,"belarus":2,"benin":1,"beyond":1,"block":2,"blog":1,"bodi":2,"boystown":1,"brazil":2,"bureau":6,"business":1,"bust":4});
