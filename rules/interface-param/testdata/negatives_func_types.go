// Package hooks registers callbacks: func types and func literals with any
// parameters are not function declarations with an any parameter.
package hooks

import "fmt"

// Handler is a func type with an any parameter.
type Handler func(event string, data any)

var registry = map[string]func(any){}

// On takes a func(any) parameter.
func On(name string, fn func(any)) {
	registry[name] = fn
}

// Use takes a named func type.
func Use(h Handler) Handler {
	return h
}

// Defaults installs func literals with any parameters.
func Defaults() {
	On("print", func(v any) { fmt.Println(v) })
	logger := func(format string, args ...interface{}) {
		fmt.Printf(format, args...)
	}
	On("log", func(v any) { logger("%v\n", v) })
}

// Emit returns a func literal.
func Emit() func(any) error {
	return func(v any) error {
		_, err := fmt.Println(v)
		return err
	}
}
