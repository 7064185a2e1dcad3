__owSearch("t","fu",{"fugitiv":[17,16],"fund":[67,1,7,17],"funder":[74,21]},[]);
