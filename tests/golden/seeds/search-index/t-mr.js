__owSearch("t","mr",{"mrt":[54,16]},[]);
