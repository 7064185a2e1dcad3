__owSearch("t","wa",{"want":[17,16]},[]);
