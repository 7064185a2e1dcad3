__owSearch("t","st",{"start":[73,1],"stat":[59,16,2,1,1,1,2,22,5,1,16,17],"statement":[88,18,2,1],"status":[94,1],"stay":[32,1],"still":[17,21],"stream":[42,1],"studi":[93,17]},[]);
