__owSearch("t","wi",{"wire":[16,4]},[]);
