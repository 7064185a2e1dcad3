__owSearch("n","o",{"offender":1,"offic":4,"officer":2,"official":2,"onlin":7,"open":2,"operation":6,"opinion":1,"organisation":4,"organization":4,"over":1});
