__owSearch("t","gl",{"global":[2,2,32,21,47,6,4,1],"globally":[34,1],"glossary":[72,1,2,1]},[]);
