__owSearch("t","be",{"becomes":[75,1],"been":[1,1,74,1],"before":[73,1,2,1],"begging":[6,4],"beings":[6,6,13,1,5,21],"belarus":[7,5,31,21],"ben":[39,16],"benin":[39,21],"between":[3,1,64,1]},[]);
