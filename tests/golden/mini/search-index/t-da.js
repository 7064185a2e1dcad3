__owSearch("t","da",{"dakar":[0,6],"dated":[11,1]},[]);
