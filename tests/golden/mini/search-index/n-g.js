__owSearch("n","g",{"gang":1,"government":1,"governmental":1,"groom":1,"group":1});
