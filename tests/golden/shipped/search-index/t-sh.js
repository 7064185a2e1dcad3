__owSearch("t","sh",{"share":[1,2,83,1],"shared":[0,1,1,1,6,1],"sharing":[0,1],"show":[72,1,2,1],"shown":[73,1,1,1],"shows":[74,1],"shut":[7,2]},[]);
