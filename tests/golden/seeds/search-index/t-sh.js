__owSearch("t","sh",{"share":[1,1,13,1,70,1],"shared":[0,2,7,1],"sharing":[6,1],"sheikh":[7,1],"show":[6,1,66,1,2,1],"shown":[73,1,1,1],"shows":[74,1],"shut":[7,2]},[]);
