__owSearch("t","bi",{"bibliography":[14,1]},[]);
