__owSearch("t","af",{"africa":[7,3],"afripol":[62,1]},[]);
