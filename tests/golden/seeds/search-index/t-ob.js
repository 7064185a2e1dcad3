__owSearch("t","ob",{"obstacles":[2,1],"obtain":[1,1]},[]);
