__owSearch("t","sr",{"srb":[63,16]},[]);
