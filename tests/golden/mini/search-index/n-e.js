__owSearch("n","e",{"enforcement":1,"estimat":2,"exact":1,"exactli":1,"exampl":1,"exceed":1,"excess":1,"expect":1,"exploitation":4});
