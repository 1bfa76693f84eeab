// Package signatures has parameters written any next to type parameters,
// grouped and unnamed any parameters, methods that look like standard ones
// but whose signatures differ, and the context.Context and errors.As shapes.
package signatures

import (
	"context"
	"time"
)

// Apply has a type parameter and an any parameter: only the latter boxes.
func Apply[T any](x T, meta any) T { // want "interface-param"
	_ = meta
	return x
}

// Swap has two any parameters declared together: one finding.
func Swap(a, b any) (any, any) { // want "interface-param"
	return b, a
}

// Ignore has an unnamed empty-interface parameter.
func Ignore(interface{}) {} // want "interface-param"

type queue struct{ items []any }

// Scan returns nothing: not database/sql.Scanner's signature.
func (q *queue) Scan(src any) { // want "interface-param"
	q.items = append(q.items, src)
}

// Push takes two values: not container/heap's signature.
func (q *queue) Push(x, y any) { // want "interface-param"
	q.items = append(q.items, x, y)
}

// Decode is a function, not a method.
func Decode(v any) error { // want "interface-param"
	_ = v
	return nil
}

// valueContext implements context.Context, whose Value takes an any.
type valueContext struct {
	context.Context
	key, val any
}

func (c valueContext) Value(key any) any {
	if key == c.key {
		return c.val
	}
	return c.Context.Value(key)
}

func (c valueContext) Deadline() (time.Time, bool) { return c.Context.Deadline() }

// timeoutError has the As method errors.As looks for.
type timeoutError struct{}

func (timeoutError) Error() string { return "timeout" }

func (timeoutError) As(target any) bool {
	_, ok := target.(*timeoutError)
	return ok
}
