__owSearch("t","as",{"aseanapol":[62,1],"asset":[33,16],"assist":[75,16,5,16],"assistanc":[75,16]},[]);
