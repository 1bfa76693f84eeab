module example.com/alloclint-examples

go 1.21
