__owSearch("n","t",{"takedown":1,"taken":2,"tech":1,"than":3,"timelin":1,"took":3,"tool":1,"total":2,"traffick":1,"train":1});
