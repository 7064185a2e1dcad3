__owSearch("t","oc",{"ocs":[42,16]},[]);
