__owSearch("t","bi",{"bibliographi":[71,1,9,1],"bill":[35,1,22,1],"bin":[7,1]},[]);
