package broken

import "os"

// The parser recovers from the stray ")": the rest of the second loop is intact, so rules still
// check it, and syntax-error reports the broken token.
func closeAll(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want "defer-in-loop"
	}
}

func broken(paths []string) {
	for _, p := range paths { ) // want "syntax-error"
		defer os.Remove(p) // want "defer-in-loop"
	}
}
