__owSearch("t","go",{"government":[35,3],"governmental":[9,3,21,3],"governments":[34,1]},[]);
