__owSearch("t","bi",{"bibliographi":[14,1]},[]);
