module alloclint.measure/prealloc-oracle

go 1.19
