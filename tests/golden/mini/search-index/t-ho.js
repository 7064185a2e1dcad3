__owSearch("t","ho",{"home":[9,21],"hosts":[6,1]},[]);
