__owSearch("n","t",{"takedown":2,"taken":4,"team":2,"tech":1,"thailand":2,"than":4,"timelin":1,"took":3,"tool":1,"total":2,"traffick":7,"train":1});
