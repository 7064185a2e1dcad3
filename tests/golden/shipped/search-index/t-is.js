__owSearch("t","is",{"isa":[1,19,15,28],"islamabad":[3,8,29,1],"iso":[72,1],"issues":[2,1]},[]);
