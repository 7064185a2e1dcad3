__owSearch("n","w",{"want":1,"websit":1,"what":1,"wher":1,"workshop":1,"world":2});
