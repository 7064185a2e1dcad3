__owSearch("t","di",{"director":[83,16],"directorat":[63,16],"disabl":[28,22],"disappear":[51,1],"dismantl":[26,23]},[]);
