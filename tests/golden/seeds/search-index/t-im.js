__owSearch("t","im",{"imag":[0,2,109,17],"immediat":[14,1],"immigration":[112,16]},[]);
