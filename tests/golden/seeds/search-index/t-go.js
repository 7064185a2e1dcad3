__owSearch("t","go",{"going":[6,1],"government":[35,3,91,1,1,23,6,1,21,1,8,1],"governmental":[9,3,124,20,26,1]},[]);
