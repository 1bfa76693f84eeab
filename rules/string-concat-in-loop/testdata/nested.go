// Declarations inside loops, and concatenations in inner loops and literals.
package nested

import "strings"

type Table struct {
	Header []string
	Rows   [][]string
}

// Declared in the outer loop's body, grown in the inner loop.
func rows(t Table, emit func(string)) {
	for _, r := range t.Rows {
		line := ""
		for _, c := range r {
			line += c + "\t" // want "string-concat-in-loop"
		}
		emit(line)
	}
}

// Declared outside both loops, grown in the inner one.
func dump(t Table) string {
	var out string
	for _, r := range t.Rows {
		for _, c := range r {
			out = out + c // want "string-concat-in-loop"
		}
		out += "\n" // want "string-concat-in-loop"
	}
	return out
}

// A loop inside a func literal: the literal's own local.
func formatter(header []string) func() string {
	return func() string {
		h := ""
		for _, c := range header {
			h += strings.ToUpper(c) + " " // want "string-concat-in-loop"
		}
		return h
	}
}
