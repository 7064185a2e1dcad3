__owSearch("t","ap",{"apart":[74,1],"apovo":[6,1],"appear":[71,1,3,1],"appears":[67,1],"approximate":[74,1],"apps":[1,2,6,1]},[]);
