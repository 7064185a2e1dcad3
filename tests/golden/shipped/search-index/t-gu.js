__owSearch("t","gu",{"guessing":[73,1],"guide":[71,1]},[]);
