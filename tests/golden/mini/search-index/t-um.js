__owSearch("t","um",{"umbrella":[76,21]},[]);
