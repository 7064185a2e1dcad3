__owSearch("t","mu",{"much":[81,1],"multinational":[5,20,77,1,3,6],"must":[75,1],"muzaffargarh":[3,22,24,1,3,1,2,1,49,1]},[]);
