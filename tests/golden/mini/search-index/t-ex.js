__owSearch("t","ex",{"exact":[36,17],"exactli":[36,21],"exampl":[95,4],"exceed":[40,16],"excess":[40,16],"exploit":[45,1,5,1],"exploitation":[1,3,20,1,3,1,18,23,4,1,1,17,2,21,1,21]},[]);
