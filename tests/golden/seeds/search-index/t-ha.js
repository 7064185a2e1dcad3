__owSearch("t","ha",{"half":[57,1],"hand":[1,1],"happen":[166,1],"hard":[6,1],"hav":[10,1]},[]);
