// A local string grown by concatenation in a loop: each += copies the whole string built so
// far into a new allocation (quadratic); a strings.Builder grows amortised.
package positives

import (
	"strconv"
	"strings"
)

type Line struct {
	SKU   string
	Qty   int
	Price int
}

// var s string, s += x, range over a slice.
func invoiceBody(lines []Line) string {
	var body string
	for _, l := range lines {
		body += l.SKU + " x" + strconv.Itoa(l.Qty) + "\n" // want "string-concat-in-loop"
	}
	return body
}

// s := "", s = s + x.
func csvRow(cells []string) string {
	row := ""
	for i, c := range cells {
		if i > 0 {
			row = row + "," // want "string-concat-in-loop"
		}
		row = row + strings.ReplaceAll(c, ",", ";") // want "string-concat-in-loop"
	}
	return row
}

// A string parameter, in a condition-only loop.
func padRight(s string, width int) string {
	for len(s) < width {
		s += " " // want "string-concat-in-loop"
	}
	return s
}

// From a string literal, in a three-clause loop.
func ruler(n int) string {
	out := "|"
	for i := 0; i < n; i++ {
		out += strconv.Itoa(i%10) + "|" // want "string-concat-in-loop"
	}
	return out
}

// From a raw string literal; an infinite loop.
func drain(next func() (string, bool)) string {
	log := `--- log ---
`
	for {
		entry, ok := next()
		if !ok {
			return log
		}
		log += entry // want "string-concat-in-loop"
	}
}

// var s string = ..., and runes converted to strings.
func initials(first string, names []string) string {
	var acc string = first
	for _, n := range names {
		for _, r := range n {
			acc += string(r) // want "string-concat-in-loop"
			break
		}
	}
	return acc
}

// A method; the variable is a local even though the loop reads a field.
type Report struct{ Sections []string }

func (r *Report) Text(title string) string {
	text := title + "\n"
	for _, s := range r.Sections {
		text = text + "\n## " + s // want "string-concat-in-loop"
	}
	return text
}
