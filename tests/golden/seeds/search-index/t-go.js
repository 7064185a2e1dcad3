__owSearch("t","go",{"going":[6,1],"government":[35,3],"governmental":[9,3]},[]);
