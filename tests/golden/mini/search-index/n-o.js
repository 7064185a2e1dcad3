__owSearch("n","o",{"offender":1,"offic":1,"officer":2,"official":2,"onlin":3,"open":1,"operation":5,"opinion":1,"organisation":6,"organization":2,"over":1});
