__owSearch("t","ya",{"yaound":[6,9,16,22]},[]);
