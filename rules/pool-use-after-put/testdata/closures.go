// A Put inside a func literal held in a local variable happens where the literal is called: a
// use of the value after that call is a use after Put.
package closures

import (
	"bytes"
	"sync"
)

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func length(parts []string) int {
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	release := func() { pool.Put(buf) }
	for _, p := range parts {
		buf.WriteString(p)
	}
	release()
	return buf.Len() // want "pool-use-after-put"
}

// Negative: the value is done with before the call.
func lengthFirst(parts []string) int {
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	release := func() { pool.Put(buf) }
	for _, p := range parts {
		buf.WriteString(p)
	}
	n := buf.Len()
	release()
	return n
}

// Negative: the Put is under a condition inside the closure, so a call may not put it back.
func lengthMaybe(parts []string, keep bool) int {
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	release := func() {
		if !keep {
			pool.Put(buf)
		}
	}
	for _, p := range parts {
		buf.WriteString(p)
	}
	release()
	return buf.Len()
}
