__owSearch("n","v",{"venu":1,"victim":5});
