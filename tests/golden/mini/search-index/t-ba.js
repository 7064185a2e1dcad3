__owSearch("t","ba",{"bank":[66,1,7,1]},[]);
