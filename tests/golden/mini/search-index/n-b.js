__owSearch("n","b",{"begg":1,"being":1,"beyond":1,"block":1,"blog":1,"bodi":2,"bureau":1,"business":1,"bust":1});
