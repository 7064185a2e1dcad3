__owSearch("t","mu",{"multinational":[5,20,2,16,157,1,3,6],"must":[75,1],"muzaffargarh":[3,23,24,1,3,1,2,1,131,1]},[]);
