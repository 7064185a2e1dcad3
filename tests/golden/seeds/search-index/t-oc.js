__owSearch("t","oc",{"oceania":[36,3]},[]);
