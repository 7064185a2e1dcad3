__owSearch("t","gl",{"global":[2,1,32,21,129,6,4,1],"globalli":[34,1],"glossari":[72,1,2,1]},[]);
