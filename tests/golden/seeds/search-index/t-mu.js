__owSearch("t","mu",{"much":[167,1],"multinational":[5,20,163,1,3,6],"must":[75,1],"muzaffargarh":[3,22,24,1,3,1,2,1,135,1]},[]);
