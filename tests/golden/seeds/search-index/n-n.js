__owSearch("n","n",{"nation":1,"national":9,"nccia":2,"ncmec":2,"nearli":1,"nepal":2,"network":6,"newspaper":1,"niger":2,"nonprofit":1});
