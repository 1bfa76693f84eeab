// The standard library's own packages (its go.mod says `module std`): package sort calling its
// Slice is the table's sort.Slice, although Slice's body keeps less in a struct.
package sort

type lessSwap struct{ less func(i, j int) bool }

var last lessSwap

func Slice(x any, less func(i, j int) bool) { last = lessSwap{less} }

// Keep is not in the table: the body decides.
func Keep(less func(i, j int) bool) { last = lessSwap{less} }

func sortAll(groups [][]int) {
	for _, g := range groups {
		Slice(g, func(i, j int) bool { return g[i] < g[j] })
		Keep(func(i, j int) bool { return g[i] < g[j] }) // want "loop-closure"
	}
}
