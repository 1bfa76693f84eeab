// Needs Go 1.23: a function iterator has no known length.
package versions

import "iter"

func collect(pairs iter.Seq2[string, int]) map[string]int {
	m := make(map[string]int)
	for k, v := range pairs {
		m[k] = v
	}
	return m
}
