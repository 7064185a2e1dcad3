__owSearch("n","l",{"labor":2,"labour":2,"larg":1,"launch":2,"lead":2,"leader":2,"least":1,"less":1,"location":1});
