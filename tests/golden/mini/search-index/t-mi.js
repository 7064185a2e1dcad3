__owSearch("t","mi",{"ministries":[13,1]},[]);
