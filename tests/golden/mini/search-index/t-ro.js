__owSearch("t","ro",{"roughli":[37,16],"round":[37,1]},[]);
