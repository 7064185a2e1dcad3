__owSearch("t","gu",{"guess":[73,1,1,1],"guid":[71,1],"guilti":[84,1]},[]);
