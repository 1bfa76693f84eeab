// Needs Go 1.23: a function iterator has no known length; an integer has one.
package versions

import "iter"

func collect(pairs iter.Seq2[string, int]) map[string]int {
	m := make(map[string]int)
	for k, v := range pairs {
		m[k] = v
	}
	return m
}

// Go 1.22+: a range over an integer has a known length.
func slots(n int) map[int]bool {
	free := make(map[int]bool) // want "map-prealloc"
	for i := range n {
		free[i] = true
	}
	return free
}
