__owSearch("t","so",{"so":[95,17],"societi":[65,16],"softwar":[68,1],"som":[37,17],"someon":[84,1],"sought":[17,1],"sourc":[14,20,83,1]},[]);
