__owSearch("n","f",{"facilitation":1,"fewer":1,"final":1,"firm":1,"follow":1,"forc":4,"forecast":1,"found":1,"framework":1,"franc":5,"fugitiv":1,"fund":1,"funder":1});
