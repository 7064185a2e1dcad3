__owSearch("t","cr",{"crackdown":[2,20,50,16],"crim":[50,1,5,1,3,17,15,1],"criminal":[19,1,7,21],"cross":[46,1]},[]);
