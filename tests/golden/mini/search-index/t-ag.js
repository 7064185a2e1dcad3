__owSearch("t","ag",{"agencies":[6,1,7,20]},[]);
