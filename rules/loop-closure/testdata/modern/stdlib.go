// Needs Go 1.25: slices, iter, sync.OnceFunc and sync.WaitGroup.Go.
package modern

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"sync"
)

type Ticket struct {
	Priority int
	Title    string
}

// slices.*Func do not retain the function: not flagged.
func sortQueues(queues map[string][]Ticket, desc bool) {
	for _, q := range queues {
		slices.SortFunc(q, func(a, b Ticket) int {
			if desc {
				return cmp.Compare(b.Priority, a.Priority)
			}
			return cmp.Compare(a.Priority, b.Priority)
		})
	}
}

func firstUrgent(queues [][]Ticket, min int) []int {
	idx := make([]int, 0, len(queues))
	for _, q := range queues {
		idx = append(idx, slices.IndexFunc(q, func(t Ticket) bool { return t.Priority >= min }))
	}
	return idx
}

// sync.WaitGroup.Go starts a goroutine with the function: flagged.
func notifyAll(users []string, send func(string) error) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Go(func() { // want "loop-closure"
			send(u)
		})
	}
	wg.Wait()
}

// sync.OnceFunc keeps the function for later: flagged (only sync.Once.Do is known).
func lazyLoaders(names []string, load func(string)) []func() {
	out := make([]func(), 0, len(names))
	for _, name := range names {
		out = append(out, sync.OnceFunc(func() { // want "loop-closure"
			load(name)
		}))
	}
	return out
}

// A range-over-func loop is a loop: the literal in its body is flagged.
func watch(events iter.Seq[string], sink chan<- func() string) {
	for ev := range events {
		sink <- func() string { // want "loop-closure"
			return strings.ToUpper(ev)
		}
	}
}

// strings.*Func helpers inside a range-over-func loop: not flagged.
func trimAll(lines iter.Seq[string], cut rune) []string {
	var out []string
	for l := range lines {
		out = append(out, strings.TrimFunc(l, func(r rune) bool { return r == cut }))
	}
	return out
}
