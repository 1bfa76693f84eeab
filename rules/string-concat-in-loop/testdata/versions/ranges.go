// Needs Go 1.23: range over an integer and over a function iterator are loops.
package versions

import "iter"

func dashes(n int) string {
	s := ""
	for range n {
		s += "-" // want "string-concat-in-loop"
	}
	return s
}

func concatAll(words iter.Seq[string], sep string) string {
	var out string
	for w := range words {
		out += w + sep // want "string-concat-in-loop"
	}
	return out
}
