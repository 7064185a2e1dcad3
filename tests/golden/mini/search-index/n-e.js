__owSearch("n","e",{"enforcement":1,"estimat":1,"exact":1,"exactli":1,"exampl":1,"exceed":1,"excess":1,"exploitation":4});
