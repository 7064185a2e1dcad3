__owSearch("t","is",{"isa":[1,6,15,28],"islamabad":[3,8,24,1,5,1],"iso":[72,1]},[]);
