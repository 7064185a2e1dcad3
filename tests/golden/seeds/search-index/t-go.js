__owSearch("t","go",{"going":[6,1],"government":[35,3,90,1,1,23,5,1,20,1,8,1],"governmental":[9,3,21,3,101,20,25,1]},[]);
