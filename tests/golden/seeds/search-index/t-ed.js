__owSearch("t","ed",{"edit":[71,1],"edition":[72,1],"editorial":[71,1]},[]);
