__owSearch("t","ec",{"ecpat":[2,1,7,21,9,1],"ecu":[45,16],"ecuador":[7,5,38,21]},[]);
