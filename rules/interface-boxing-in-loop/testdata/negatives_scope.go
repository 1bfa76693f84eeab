// Package report boxes values outside loops, inside func literals created
// in a loop, through a local variable that shadows fmt, through generic
// functions, and for values whose type a syntax-only analysis cannot know.
package report

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// lineCounter has a Println method that takes an int: no boxing.
type lineCounter struct {
	w     io.Writer
	total int
}

func (c *lineCounter) Println(n int) { c.total += n }

// Once prints outside any loop.
func Once(total int, name string) {
	fmt.Println(total)
	fmt.Printf("name=%s\n", name)
}

// Later creates func literals in a loop; the boxing happens in the
// literal, not in the loop's function.
func Later(ids []int) []func() {
	var out []func()
	for _, id := range ids {
		id := id
		out = append(out, func() { fmt.Println(id) })
	}
	return out
}

// Shadow uses a local variable named fmt.
func Shadow(w io.Writer, sizes []int) int {
	fmt := &lineCounter{w: w}
	for _, s := range sizes {
		fmt.Println(s)
	}
	return fmt.total
}

// Show is generic: T is not an interface parameter at the call site.
func Show[T any](w io.Writer, x T) {
	fmt.Fprintln(w, x)
}

func Generic(w io.Writer, counts []int) {
	for _, c := range counts {
		Show(w, c)
	}
}

// count takes an int: a same-package function without any params.
func count(n int) int { return n + 1 }

func Counts(xs []int) int {
	t := 0
	for _, x := range xs {
		t += count(x)
	}
	return t
}

// Requests logs fields of imported structs and results of methods of
// imported interfaces: their types are unknown without a type checker.
func Requests(reqs []*http.Request, entries []os.DirEntry, stamps []time.Time) {
	for _, r := range reqs {
		fmt.Printf("%s %s\n", r.Method, r.URL.Path)
	}
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	for _, t := range stamps {
		fmt.Println(t)
	}
}
