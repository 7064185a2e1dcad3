__owSearch("t","ma",{"mad":[47,1,1,1],"mak":[43,1],"mani":[2,20,39,17],"mark":[95,1],"material":[43,21],"maximum":[41,16]},[]);
