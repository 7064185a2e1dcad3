__owSearch("t","gu",{"guessed":[74,1],"guessing":[73,1],"guide":[71,1]},[]);
