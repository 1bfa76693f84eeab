module poolmutants

go 1.19
