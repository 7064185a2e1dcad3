__owSearch("n","g",{"gang":2,"general":1,"german":5,"germani":4,"global":2,"government":1,"governmental":1,"groom":1,"group":4});
