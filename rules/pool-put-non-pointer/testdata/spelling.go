// Package spelling writes pool calls with blanks and comments where gofmt
// would not: the compiler reads the same calls.
package spelling

import "sync"

var bufs sync.Pool

func split(b []byte) {
	bufs.
		Put(b) // want "pool-put-non-pointer"
}

func commented(b []byte) {
	bufs.Put /* returned */ (b) // want "pool-put-non-pointer"
}

func spaced(s string) {
	bufs . Put ( s ) // want "pool-put-non-pointer"
}

type stack struct{ items [][]byte }

// OutPut and xPut end in "Put" but are other methods.
func (s *stack) OutPut(b []byte) { s.items = append(s.items, b) }

func other(s *stack, b []byte) {
	s.OutPut(b)
}
