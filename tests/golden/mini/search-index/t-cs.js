__owSearch("t","cs",{"csa":[44,16],"csam":[43,16],"csem":[43,16]},[]);
