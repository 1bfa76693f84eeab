package metrics

import "sync"

// The pools are declared here and used in flush.go.
var (
	linePool  sync.Pool
	labelPool = &sync.Pool{New: func() any { return new([]string) }}
)

type sample struct {
	name  string
	value float64
}
