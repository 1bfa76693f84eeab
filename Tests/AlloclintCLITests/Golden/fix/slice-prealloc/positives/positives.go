// An empty slice grown by exactly one append per iteration of the loop right after it,
// whose trip count is known: every growth step reallocates and copies; one
// make([]T, 0, len(src)) would allocate once.
package positives

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type User struct {
	ID    int
	Name  string
	Email string
}

// var s []T, range over a slice parameter.
func names(users []User) []string {
	var out []string // want "slice-prealloc"
	if len(users) > 0 {
		out = make([]string, 0, len(users))
	}
	for _, u := range users {
		out = append(out, u.Name)
	}
	return out
}

// Other statements in the body are fine as long as the append is unconditional.
func normalizedEmails(users []User) []string {
	var emails []string // want "slice-prealloc"
	if len(users) > 0 {
		emails = make([]string, 0, len(users))
	}
	for _, u := range users {
		e := strings.ToLower(strings.TrimSpace(u.Email))
		emails = append(emails, e)
		u.Email = e
	}
	return emails
}

// []T{} and a range over an array.
func weekdayTotals(days [7]int) []string {
	labels := make([]string, 0, len(days)) // want "slice-prealloc"
	for i, d := range days {
		labels = append(labels, strconv.Itoa(i)+":"+strconv.Itoa(d))
	}
	return labels
}

// make([]T, 0) and a range over a string.
func foldRunes(s string) []rune {
	rs := make([]rune, 0, len(s)) // want "slice-prealloc"
	for _, r := range s {
		rs = append(rs, unicode.ToLower(r))
	}
	return rs
}

// A range over a map, keys only.
func sortedKeys(counts map[string]int) []string {
	keys := make([]string, 0, len(counts)) // want "slice-prealloc"
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// A three-clause loop.
func offsets(n, stride int) []int {
	var offs []int // want "slice-prealloc"
	if n > 0 {
		offs = make([]int, 0, n)
	}
	for i := 0; i < n; i++ {
		offs = append(offs, i*stride)
	}
	return offs
}

// A three-clause loop bounded by len, and var s = []T{}.
func ids(users []User) []string {
	var out = make([]string, 0, len(users)) // want "slice-prealloc"
	for i := 0; i < len(users); i++ {
		out = append(out, strconv.Itoa(users[i].ID))
	}
	return out
}

// A range over a local slice built by make, index only.
func squares(n int) []int {
	base := make([]int, n)
	var sq []int // want "slice-prealloc"
	if len(base) > 0 {
		sq = make([]int, 0, len(base))
	}
	for i := range base {
		sq = append(sq, i*i)
	}
	return sq
}

// Pointers to elements, in a method.
type Directory struct{ users []User }

func (d *Directory) pointers(selected []int) []*User {
	var ptrs []*User // want "slice-prealloc"
	if len(selected) > 0 {
		ptrs = make([]*User, 0, len(selected))
	}
	for _, i := range selected {
		ptrs = append(ptrs, &d.users[i])
	}
	return ptrs
}
