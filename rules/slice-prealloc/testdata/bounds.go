// Trip counts alloclint can and cannot trust, and findings whose fix it withholds.
package bounds

import "strconv"

type Field struct{ Name string }

func fields() []Field { return nil }

var limit = 10

// A range over a call result: taking len(fields()) before the loop would call fields() twice, so
// the fix computes it once into a new variable and ranges over that.
func fieldNames() []string {
	var names []string // want "slice-prealloc"
	for _, f := range fields() {
		names = append(names, f.Name)
	}
	return names
}

// A counted loop from a non-zero start, inclusive: n - start + 1 may be negative, so the fix
// makes the slice only when it is positive (when the loop runs).
func labels(start, n int) []string {
	var out []string // want "slice-prealloc"
	for i := start; i <= n; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

// A counted loop bounded by a literal: fixed with make([]int, 0, 16).
func sixteen() []int {
	var xs []int // want "slice-prealloc"
	for i := 0; i < 16; i++ {
		xs = append(xs, i*i)
	}
	return xs
}

// Compared with nil later: the fix makes the slice only when the loop runs, so a loop that
// does not run still leaves it nil.
func tagged(fs []Field) ([]string, bool) {
	var tags []string // want "slice-prealloc"
	for _, f := range fs {
		tags = append(tags, "#"+f.Name)
	}
	return tags, tags != nil
}

// The body changes the counter or the bound: the trip count is unknown.
func skipping(n int) []int {
	var xs []int
	for i := 0; i < n; i++ {
		xs = append(xs, i)
		i++
	}
	return xs
}

func shrinking(n int) []int {
	var xs []int
	for i := 0; i < n; i++ {
		xs = append(xs, i)
		n--
	}
	return xs
}

func draining(fs []Field) []string {
	var names []string
	for i := 0; i < len(fs); i++ {
		names = append(names, fs[i].Name)
		fs = fs[1:]
	}
	return names
}

// The bound reads rows[0], and rows[order[i]] = … may change it (tree-sitter-go reads that element
// as a generic instantiation).
func firstRowWidths(rows [][]int, order []int) []int {
	var out []int
	for i := 0; i < len(rows[0]); i++ {
		rows[order[i]] = nil
		out = append(out, i)
	}
	return out
}

// An element of another slice is written: the bound cannot change.
func reordered(rows [][]int, order []int, dst [][]int) []int {
	var out []int // want "slice-prealloc"
	for i := 0; i < len(rows[0]); i++ {
		dst[order[i]] = rows[i]
		out = append(out, i)
	}
	return out
}

// A package-level bound: any call in the loop might change it.
func upToLimit() []string {
	var out []string
	for i := 0; i < limit; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

// The loop ranges over the slice it grows: the range sees the empty slice.
func selfRange() []int {
	xs := []int{}
	for _, x := range xs {
		xs = append(xs, x)
	}
	return xs
}
