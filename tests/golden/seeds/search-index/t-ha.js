__owSearch("t","ha",{"half":[57,1],"hand":[1,1],"hard":[6,1],"having":[10,1]},[]);
