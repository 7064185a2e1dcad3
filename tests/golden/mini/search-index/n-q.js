__owSearch("n","q",{"quit":1});
