__owSearch("t","cl",{"club":[3,1]},[]);
