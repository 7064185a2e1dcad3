__owSearch("t","np",{"npl":[55,16]},[]);
