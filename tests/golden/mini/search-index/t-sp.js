__owSearch("t","sp",{"speak":[83,1,1,1],"spokesman":[84,16],"spokesperson":[84,21],"spokeswoman":[84,16],"sponsor":[74,16]},[]);
