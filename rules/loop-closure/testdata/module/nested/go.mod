module example.com/tool/nested

go 1.21
