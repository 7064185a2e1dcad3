__owSearch("n","r",{"rais":1,"record":1,"referral":1,"regional":1,"register":2,"releas":1,"report":6,"represent":1,"rescu":4,"result":1,"ring":1,"roughli":1});
