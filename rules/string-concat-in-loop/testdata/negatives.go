// Concatenations that alloclint does not report: not in a loop, not on a local string of
// known type, or not growing one string across iterations.
package negatives

import (
	"strings"
	"sync/atomic"
)

type Line struct {
	SKU string
	Qty int
}

// Outside a loop.
func greeting(name string) string {
	s := "Hello, "
	s += name
	s = s + "!"
	return s
}

// A field, not a local variable.
type Builder struct {
	title string
	lines []Line
}

func (b *Builder) Title(parts []string) {
	for _, p := range parts {
		b.title += p
	}
}

// A package-level variable is not a local.
var banner string

func extendBanner(words []string) {
	for _, w := range words {
		banner += w
	}
}

// A variable of a type alloclint cannot know (the result of an interface method): silent.
type Labeler interface{ Label() string }

func labels(l Labeler, n int) string {
	acc := l.Label()
	for i := 0; i < n; i++ {
		acc += "+"
	}
	return acc
}

// Integers.
func totalQty(lines []Line) int {
	n := 0
	var hits atomic.Int64
	for _, l := range lines {
		n += l.Qty
		n = n + 1
		hits.Add(1)
	}
	return n
}

// Prepending: s = x + s is not reported (a Builder does not fix it directly).
func reversePath(parts []string) string {
	path := ""
	for _, p := range parts {
		path = "/" + p + path
	}
	return path
}

// Another variable is assigned.
func lastJoined(parts []string) string {
	prefix := "v1"
	var out string
	for _, p := range parts {
		out = prefix + p
	}
	return out
}

// A []byte grown with append.
func joinBytes(parts []string) []byte {
	var buf []byte
	for _, p := range parts {
		buf = append(buf, p...)
		buf = append(buf, ',')
	}
	return buf
}

// The right tool.
func joinBuilder(parts []string) string {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(p)
		sb.WriteByte(',')
	}
	return sb.String()
}

// A string declared inside the loop body and concatenated once per iteration does not
// grow across iterations.
func bullets(items []string, emit func(string)) {
	for _, it := range items {
		line := "- "
		line += it
		emit(line)
	}
}

// A shadowing integer with the same name inside the loop.
func widths(cols []string) string {
	w := ""
	for _, c := range cols {
		w := len(c)
		w += 2
		_ = w
	}
	return w
}

// Inside a func literal in the loop, on the literal's own variable.
func perItem(items []string, emit func(string)) {
	for _, it := range items {
		func() {
			msg := "item: "
			msg += it
			emit(msg)
		}()
	}
}
