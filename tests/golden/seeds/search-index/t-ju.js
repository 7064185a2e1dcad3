__owSearch("t","ju",{"judgment":[160,17],"jun":[1,1],"just":[104,16],"justic":[57,1]},[]);
