// Calls to functions and methods of the package: their bodies say whether they keep the func.
package callees

import "sort"

type Tree struct {
	kids     []*Tree
	pending  []func(*Tree)
	onChange func()
}

// Only calls f: the closure passed to it stays on the stack.
func each(items []string, f func(string)) {
	for _, it := range items {
		f(it)
	}
}

// Passes f on to a method that only calls it, recursively.
func (t *Tree) Walk(f func(*Tree)) {
	if f == nil {
		return
	}
	f(t)
	for _, k := range t.kids {
		k.Walk(f)
	}
}

// Passes less on to sort.Slice from a literal of its own, which sort.Slice does not keep either.
func sortBy(xs []int, less func(a, b int) bool) {
	sort.Slice(xs, func(i, j int) bool { return less(xs[i], xs[j]) })
}

// Keeps f.
func (t *Tree) Later(f func(*Tree)) { t.pending = append(t.pending, f) }

func (t *Tree) Watch(f func()) { t.onChange = f }

// Keeps a literal that captures f.
func (t *Tree) Queue(f func()) { t.pending = append(t.pending, func(*Tree) { f() }) }

func count(groups [][]string, trees []*Tree) int {
	n := 0
	for _, g := range groups {
		each(g, func(s string) { n += len(s) })
	}
	for _, t := range trees {
		t.Walk(func(k *Tree) { n += len(k.kids) + len(t.kids) })
	}
	return n
}

func keep(trees []*Tree, rows [][]int) {
	for _, t := range trees {
		t.Later(func(k *Tree) { k.kids = append(k.kids, t) }) // want "loop-closure"
		t.Watch(func() { t.kids = nil })                       // want "loop-closure"
		t.Queue(func() { t.kids = nil })                       // want "loop-closure"
	}
	for _, r := range rows {
		sortBy(r, func(a, b int) bool { return a < b+len(r) })
	}
}

// A local helper literal that only calls its argument; one that is reassigned may be another.
func mustPanic(cases []func(int), keep func(func())) {
	expectPanic := func(f func()) {
		defer func() { _ = recover() }()
		f()
	}
	maybeKeep := func(f func()) { f() }
	if keep != nil {
		maybeKeep = keep
	}
	for i, c := range cases {
		expectPanic(func() { c(i) })
		maybeKeep(func() { c(i) }) // want "loop-closure"
	}
}
