// Defers in func literals that are not function declarations: package-level literals, literals
// in a loop header, methods' literals.
package literals

import (
	"io"
	"sync"
)

// A loop inside a package-level func literal: the literal is the defer's function.
var closeAll = func(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close() // want "defer-in-loop"
	}
}

// A literal in the loop's post statement runs once per iteration, but its defer is its own.
func step(n int, mu *sync.Mutex) {
	for i := 0; i < n; i = func() int {
		mu.Lock()
		defer mu.Unlock()
		return i + 1
	}() {
	}
}

// A defer in a literal, in a loop, in a literal in a loop: only the innermost loop counts.
func grid(rows [][]io.Closer) {
	for _, row := range rows {
		func() {
			for _, c := range row {
				defer c.Close() // want "defer-in-loop"
			}
		}()
	}
}
