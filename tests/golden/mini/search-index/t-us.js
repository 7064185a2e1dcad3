__owSearch("t","us",{"used":[68,1],"user":[30,23],"usualli":[52,1]},[]);
