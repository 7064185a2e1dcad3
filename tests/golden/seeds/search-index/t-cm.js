__owSearch("t","cm",{"cmr":[41,16]},[]);
