__owSearch("t","ya",{"yaounde":[6,9,16,22]},[]);
