// Needs Go 1.23: range over an integer (known trip count) and over a function iterator
// (unknown trip count).
package versions

import (
	"iter"
	"strconv"
)

func shardNames(n int) []string {
	var names []string // want "slice-prealloc"
	for i := range n {
		names = append(names, "shard-"+strconv.Itoa(i))
	}
	return names
}

func collect(seq iter.Seq[string]) []string {
	var out []string
	for s := range seq {
		out = append(out, s)
	}
	return out
}

func collectPull(seq func(yield func(int) bool)) []int {
	var out []int
	for v := range seq {
		out = append(out, v)
	}
	return out
}
