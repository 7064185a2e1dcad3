__owSearch("n","m",{"mani":2,"material":1,"maximum":1,"media":1,"meet":1,"member":3,"migrant":2,"minimum":1,"minister":1,"ministri":1,"minor":3,"miss":1,"most":1});
