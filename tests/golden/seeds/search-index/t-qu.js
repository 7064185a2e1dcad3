__owSearch("t","qu",{"qualifier":[72,1],"quotation":[75,1],"quoted":[1,1,1,1,4,1,2,1,12,1,9,1,5,1,38,1],"quotes":[6,1,78,1],"quoting":[73,1]},[]);
