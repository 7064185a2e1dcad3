__owSearch("t","in",{"initiative":[10,1],"intergovernmental":[5,3],"international":[5,1],"introduction":[9,1]},[]);
