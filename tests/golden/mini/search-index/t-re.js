__owSearch("t","re",{"records":[14,1],"region":[12,1],"release":[16,3],"report":[2,1,12,1,1,7,1,6]},[]);
