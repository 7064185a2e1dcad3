__owSearch("t","um",{"umbrella":[145,21]},[]);
