__owSearch("t","on",{"one":[0,20],"online":[1,3]},[]);
