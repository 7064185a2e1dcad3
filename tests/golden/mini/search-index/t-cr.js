__owSearch("t","cr",{"crackdown":[2,20]},[]);
