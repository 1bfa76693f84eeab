// Range over a function iterator (Go 1.23): the body is a loop body in the source even
// though the compiler turns it into a closure.
package versions

import (
	"io"
	"iter"
	"sync"
)

func closeEach(conns iter.Seq[io.Closer], log func(string)) {
	for c := range conns {
		defer c.Close() // want "defer-in-loop"
		log("queued close")
	}
}

func eachLine(lines iter.Seq2[int, string], mu sync.Locker, emit func(int, string)) {
	for n, line := range lines {
		func() {
			mu.Lock()
			defer mu.Unlock()
			emit(n, line)
		}()
	}
}
