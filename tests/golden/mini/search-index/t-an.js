__owSearch("t","an",{"analysis":[75,1],"annual":[93,17],"anp":[0,4,1,4,3,28],"anticipat":[96,16]},[]);
