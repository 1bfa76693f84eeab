// Calls into other packages of the same Go module: their bodies say whether they keep the func.
package tool

import (
	"example.com/tool/nested/hooks"
	w "example.com/tool/walk"
	"example.org/lib"
)

var cache w.Cache

func sizes(roots []string) int {
	total := 0
	for _, root := range roots {
		// Walk and its helper only call visit: no escape.
		w.Walk(root, func(path string) error {
			total += len(path) + len(root)
			return nil
		})
		// Cache.Do only calls compute: no escape.
		cache.Do(root, func() any { return len(root) + total })
		c := &cache
		c.Do(root, func() any { return root })
	}
	return total
}

func kept(roots []string) {
	for _, root := range roots {
		w.Register(func(s string) { println(root, s) }) // want "loop-closure"
		cache.Later(root, func() any { return root })   // want "loop-closure"
		// A nested module and another module are not read.
		hooks.Each(roots, func(s string) { println(root, s) }) // want "loop-closure"
		lib.Each(roots, func(s string) { println(root, s) })   // want "loop-closure"
	}
}
