__owSearch("t","ni",{"niger":[6,7,50,21],"nin":[1,1]},[]);
