__owSearch("t","im",{"imag":[43,17],"immigration":[46,16]},[]);
