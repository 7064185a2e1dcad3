__owSearch("t","of",{"off":[72,17],"offenc":[29,1],"offender":[16,16],"offic":[63,17],"officer":[83,16,1,16],"official":[56,1,27,22,5,22,10,3],"offlin":[44,1],"often":[48,1]},[]);
