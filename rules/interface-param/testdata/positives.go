// Package audit records events with loosely typed payloads. Every parameter
// written interface{} or any makes callers box their arguments.
package audit

import (
	"fmt"
	"io"
	"sync"
)

// Log keeps audit entries in memory.
type Log struct {
	mu      sync.Mutex
	entries []entry
	out     io.Writer
}

type entry struct {
	action string
	value  any
}

// Record takes an empty-interface value.
func Record(l *Log, action string, value interface{}) { // want "interface-param"
	l.mu.Lock()
	l.entries = append(l.entries, entry{action: action, value: value})
	l.mu.Unlock()
}

// Log is a method with an any parameter.
func (l *Log) Log(v any) { // want "interface-param"
	fmt.Fprintln(l.out, v)
}

// Logf is variadic over any.
func (l *Log) Logf(format string, args ...any) { // want "interface-param"
	fmt.Fprintf(l.out, format, args...)
}

// Legacyf is variadic over interface{}.
func Legacyf(w io.Writer, format string, args ...interface{}) { // want "interface-param"
	fmt.Fprintf(w, format, args...)
}

// Diff has two any parameters declared separately on one line.
func Diff(before any, after any) bool { // want "interface-param" "interface-param"
	return fmt.Sprint(before) != fmt.Sprint(after)
}

// Annotate has several parameters, one per line; two are any.
func (l *Log) Annotate(
	action string,
	subject any, // want "interface-param"
	count int,
	detail interface{}, // want "interface-param"
) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, entry{action: action, value: []any{subject, count, detail}})
}

// with is an unexported method with a value receiver.
func (e entry) with(v any) entry { // want "interface-param"
	e.value = v
	return e
}
