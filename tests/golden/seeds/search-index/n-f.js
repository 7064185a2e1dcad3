__owSearch("n","f",{"facilitation":1,"federal":2,"federation":2,"fewer":1,"firm":1,"first":1,"forc":4,"foreign":2,"found":1,"framework":1,"franc":3,"fugitiv":2,"fund":1,"funder":1});
