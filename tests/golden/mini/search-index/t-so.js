__owSearch("t","so",{"societi":[65,16],"softwar":[68,1],"som":[37,17],"someon":[84,1],"sought":[17,1],"sourc":[14,20,80,1]},[]);
