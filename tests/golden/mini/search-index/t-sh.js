__owSearch("t","sh",{"shar":[43,1],"shutdown":[54,16],"shutt":[54,1]},[]);
