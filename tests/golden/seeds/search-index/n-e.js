__owSearch("n","e",{"ecpat":1,"ecuador":2,"emirat":4,"enforcement":2,"epervier":1,"estimat":2,"europol":1,"exact":1,"exactli":1,"exceed":1,"excess":1,"expect":1,"exploit":2,"exploitation":11});
