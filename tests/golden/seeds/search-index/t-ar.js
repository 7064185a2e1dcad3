__owSearch("t","ar",{"arab":[1,6,6,6,9,1,12,21,39,22],"areas":[72,1,3,1],"argues":[67,1],"around":[14,1],"arrest":[1,1,5,1,68,1],"arrested":[7,2,67,1],"arrests":[5,1,66,1,3,1],"article":[81,1]},[]);
