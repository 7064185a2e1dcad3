__owSearch("t","go",{"government":[59,1,1,23,5,1,20,1,8,1],"governmental":[65,20,25,1]},[]);
