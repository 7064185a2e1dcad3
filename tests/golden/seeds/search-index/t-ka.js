__owSearch("t","ka",{"kasur":[57,1]},[]);
