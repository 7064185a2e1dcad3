__owSearch("t","gl",{"global":[2,2,32,21,133,6,4,1],"globalli":[34,1],"glossari":[72,1,2,1]},[]);
