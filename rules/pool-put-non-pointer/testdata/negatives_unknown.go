// Package ledger puts values whose type the linter cannot see: parameters of
// imported named types, results of functions from other packages, type
// parameters, and a struct whose only field is a pointer (pointer-shaped:
// the runtime stores it directly in the interface without allocating).
package ledger

import (
	"strings"
	"sync"
	"time"
)

type entry struct {
	next *entry
}

var stampPool sync.Pool

var readerPool sync.Pool

var entryPool sync.Pool

var anyPool sync.Pool

// Stamp puts a time.Time: a struct, but declared in another package, so its
// kind is unknown to a syntax-only analysis: silent.
func Stamp(t time.Time) {
	stampPool.Put(t)
}

// Wrap puts the result of a function of another package.
func Wrap(s string) {
	readerPool.Put(strings.NewReader(s))
}

// Link puts a struct value whose only field is a pointer: pointer-shaped.
func Link(head *entry) {
	e := entry{next: head}
	entryPool.Put(e)
}

// Keep is generic: the type of v is a type parameter, unknown.
func Keep[T any](v T) {
	anyPool.Put(v)
}

// Interval puts a time.Duration parameter: imported named type, unknown.
func Interval(d time.Duration) {
	stampPool.Put(d)
}
