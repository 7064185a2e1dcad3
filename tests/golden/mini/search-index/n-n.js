__owSearch("n","n",{"nation":1,"national":5,"nearli":1,"network":2,"newspaper":1,"nonprofit":1});
