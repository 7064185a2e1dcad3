__owSearch("t","li",{"licence":[72,1],"lie":[7,1],"like":[11,1,63,1],"limits":[75,1],"line":[75,1],"link":[71,1,1,1],"linked":[9,1],"list":[71,1,1,1,1,1,1,1,1,1],"listing":[71,1],"lists":[71,1]},[]);
