__owSearch("t","ga",{"gaps":[71,1],"gave":[9,1]},[]);
