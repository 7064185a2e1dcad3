__owSearch("t","bi",{"bibliography":[71,1,9,1]},[]);
