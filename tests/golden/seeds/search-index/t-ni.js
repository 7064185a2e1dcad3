__owSearch("t","ni",{"niger":[6,7,50,21],"nine":[1,1]},[]);
