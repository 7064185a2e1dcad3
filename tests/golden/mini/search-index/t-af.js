__owSearch("t","af",{"africa":[7,3]},[]);
