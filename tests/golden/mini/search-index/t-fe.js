__owSearch("t","fe",{"fewer":[39,16,2,1]},[]);
