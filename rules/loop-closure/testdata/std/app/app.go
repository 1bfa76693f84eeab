// Another package of the standard library, imported without a module prefix: its bodies are read.
package app

import "internal/walk"

func visit(groups [][]string) int {
	total := 0
	for _, g := range groups {
		walk.Each(g, func(s string) { total += len(s) + len(g) })
		walk.Register(func(s string) { total += len(s) + len(g) }) // want "loop-closure"
	}
	return total
}
