__owSearch("t","oc",{"oceania":[36,3],"ocs":[108,16]},[]);
