__owSearch("t","um",{"umbrella":[142,21]},[]);
