__owSearch("t","ve",{"venu":[147,16],"verifi":[75,1]},[]);
