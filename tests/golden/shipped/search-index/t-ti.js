__owSearch("t","ti",{"ties":[0,1],"tim":[17,1],"time":[5,1,67,1],"timeline":[71,1,4,1,2,20],"title":[82,1]},[]);
