__owSearch("t","fo",{"follow":[0,1,16,6],"force":[4,1],"forced":[0,3],"forces":[13,1]},[]);
