__owSearch("t","mi",{"migrant":[32,23,14,21],"minimum":[39,16],"minister":[85,22],"ministri":[13,1,46,23,1,1],"minor":[24,17,1,18,26,16],"miss":[51,22]},[]);
