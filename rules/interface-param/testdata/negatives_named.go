// Package pipeline takes named interface types, composite types containing
// any, and interface literals with methods: none is a parameter written
// interface{} or any.
package pipeline

import (
	"fmt"
	"io"
	"sort"
)

// Value is a local named interface.
type Value interface {
	Kind() string
}

// Payload is a named empty interface: the name documents the intent.
type Payload interface{}

// Message is an alias spelled with another name.
type Message = any

// Copy takes standard named interfaces.
func Copy(dst io.Writer, src io.Reader) (int64, error) {
	return io.Copy(dst, src)
}

// Show takes fmt.Stringer.
func Show(w io.Writer, s fmt.Stringer) {
	fmt.Fprintln(w, s.String())
}

// Store takes a local named interface.
func Store(vals []Value, v Value) []Value {
	return append(vals, v)
}

// Send takes a named empty interface and an alias.
func Send(ch chan<- Payload, p Payload, m Message) {
	ch <- p
	ch <- m
}

// Describe takes an interface literal with a method.
func Describe(v interface{ String() string }) string {
	return v.String()
}

// Fields takes a map of any.
func Fields(kv map[string]any) []string {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Flatten takes a slice of any.
func Flatten(rows []any) int {
	return len(rows)
}

// Forward takes a channel of any and a pointer to any.
func Forward(in <-chan any, last *any) {
	for v := range in {
		*last = v
	}
}
