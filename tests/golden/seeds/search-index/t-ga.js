__owSearch("t","ga",{"gaps":[71,1],"gave":[2,1]},[]);
