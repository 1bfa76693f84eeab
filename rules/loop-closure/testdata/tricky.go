// Cases decided by resolution and flow rather than by the literal's own statement. Each
// finding here is `func literal escapes to heap` under `go build -gcflags=-m`, and each
// literal left unannotated is `func literal does not escape`.
package tricky

import (
	"net/http"
	srt "sort"
	"sync"
)

var total int

// An aliased sort is still sort: the callback stays on the stack.
func aliased(rows [][]int) {
	for _, r := range rows {
		srt.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	}
}

// A local named sort is not the package: its Slice keeps the callback.
type sorter struct{ pending []func(int, int) bool }

func (s *sorter) Slice(x any, less func(i, j int) bool) { s.pending = append(s.pending, less) }

func shadowedSort(rows [][]int) *sorter {
	sort := &sorter{}
	for _, r := range rows {
		sort.Slice(r, func(i, j int) bool { return r[i] < r[j] }) // want "loop-closure"
	}
	return sort
}

// A loop-local variable passed to sort.Slice: only the callee sees it.
func lessVar(rows [][]int) {
	for _, r := range rows {
		less := func(i, j int) bool { return r[i] < r[j] }
		srt.Slice(r, less)
	}
}

// Nested loops: declared in the outer body is outside the inner loop, so the closure outlives
// the inner iteration.
func outerBody(groups [][]int) {
	for _, g := range groups {
		var last func()
		for _, v := range g {
			last = func() { total += v } // want "loop-closure"
		}
		last()
	}
}

// Nested loops: created and called in the inner body.
func inner(rows [][]int) {
	for _, r := range rows {
		for _, v := range r {
			add := func() { total += v }
			add()
		}
	}
}

// A loop-local closure captured by a goroutine escapes with it.
func heldThenCaptured(xs []int, wg *sync.WaitGroup) {
	for range xs {
		done := func() { wg.Done() } // want "loop-closure"
		go func() { // want "loop-closure"
			defer done()
		}()
	}
}

// Discarded, held in a loop-local struct, or converted to a func type and only called.
type handler struct{ fn func() }

type action func()

func discarded(xs []int) {
	for _, x := range xs {
		_ = func() { total += x }
	}
}

func structLocal(xs []int) {
	for _, x := range xs {
		h := handler{fn: func() { total += x }}
		h.fn()
	}
}

func converted(xs []int) {
	for _, x := range xs {
		a := action(func() { total += x })
		a()
	}
}

// Converted to http.HandlerFunc and registered.
func handlers(mux *http.ServeMux, pages map[string]string) {
	for p, body := range pages {
		mux.Handle(p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want "loop-closure"
			w.Write([]byte(body))
		}))
	}
}

// Arguments of the call a go or defer statement runs are kept until it runs.
func worker(f func()) { f() }

func goArgument(xs []int) {
	for _, x := range xs {
		go worker(func() { total += x }) // want "loop-closure"
	}
}

func deferArgument(xs []int) {
	for _, x := range xs {
		defer worker(func() { total += x }) // want "loop-closure"
	}
}

// The defer belongs to a literal called once per iteration: open-coded, nothing escapes.
func deferInLiteral(xs []int) {
	for _, x := range xs {
		func() {
			defer func() { total += x }()
		}()
	}
}

// A global only, with a loop variable of the same name elsewhere.
func globalsOnly(n int) {
	for i := 0; i < n; i++ {
		go func() { total++ }()
	}
	for total := 0; total < n; total++ {
	}
}

// Under a false constant the compiler deletes the branch: nothing is allocated.
const debug = false

func traced(xs []int, trace func(func())) {
	for _, x := range xs {
		if debug {
			trace(func() { total += x })
		}
	}
}
