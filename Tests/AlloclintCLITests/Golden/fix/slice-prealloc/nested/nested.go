// Declarations inside loops and literals; appends in inner loops and literals.
package nested

import "strings"

type Table struct {
	Header []string
	Rows   [][]string
}

// Declared in the outer loop's body, right before an inner loop over a parameter.
func render(rows [][]string, header []string) []string {
	lines := make([]string, 0, len(rows))
	for _, row := range rows {
		var cells []string // want "slice-prealloc"
		if len(header) > 0 {
			cells = make([]string, 0, len(header))
		}
		for i := range header {
			cells = append(cells, header[i]+"="+row[i])
		}
		lines = append(lines, strings.Join(cells, " "))
	}
	return lines
}

// The append is in an inner loop: not one element per iteration of the outer loop.
func flatten(groups [][]string) []string {
	var all []string
	for _, g := range groups {
		for _, s := range g {
			all = append(all, s)
		}
	}
	return all
}

// Inside a func literal: the literal is a function of its own.
func columnUpper(header []string) func() []string {
	return func() []string {
		var up []string // want "slice-prealloc"
		if len(header) > 0 {
			up = make([]string, 0, len(header))
		}
		for _, h := range header {
			up = append(up, strings.ToUpper(h))
		}
		return up
	}
}

// The append is behind a func literal in the loop body.
func viaCallback(header []string, each func(func())) []string {
	var out []string
	for _, h := range header {
		each(func() {
			out = append(out, h)
		})
	}
	return out
}
