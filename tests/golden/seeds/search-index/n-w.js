__owSearch("n","w",{"want":2,"websit":2,"weprotect":1,"what":1,"wher":1,"workshop":1});
