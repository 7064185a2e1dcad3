__owSearch("t","uz",{"uzb":[70,16],"uzbekistan":[7,5,63,21]},[]);
