__owSearch("t","ci",{"cite":[14,1],"cities":[0,1]},[]);
