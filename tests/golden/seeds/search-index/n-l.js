__owSearch("n","l",{"labor":2,"labour":2,"larg":2,"launch":4,"lead":4,"leader":2,"least":1,"legion":1,"less":1,"location":1,"lyon":1});
