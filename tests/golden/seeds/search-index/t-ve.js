__owSearch("t","ve",{"venu":[150,16],"verifi":[75,1]},[]);
