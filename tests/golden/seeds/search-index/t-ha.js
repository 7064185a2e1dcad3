__owSearch("t","ha",{"half":[57,1],"hand":[1,1],"happen":[162,1],"hav":[10,1]},[]);
