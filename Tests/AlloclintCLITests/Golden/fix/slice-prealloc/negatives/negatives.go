// Slices that cannot be sized up front, are already sized, or are not grown one element per
// iteration of a loop with a known trip count: not flagged.
package negatives

import (
	"bufio"
	"errors"
	"strings"
)

type Order struct {
	ID     string
	Paid   bool
	Refund bool
	Lines  []string
}

// A conditional append (option conditional is off by default).
func paidIDs(orders []Order) []string {
	var ids []string
	for _, o := range orders {
		if o.Paid {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

// An append after a continue is conditional too.
func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

// Loops that may stop early: break, return, goto.
func untilBlank(lines []string) []string {
	var head []string
	for _, l := range lines {
		if l == "" {
			break
		}
		head = append(head, l)
	}
	return head
}

var errUnpaid = errors.New("unpaid order")

func collectPaid(orders []Order) ([]string, error) {
	var ids []string
	for _, o := range orders {
		if !o.Paid {
			return nil, errUnpaid
		}
		ids = append(ids, o.ID)
	}
	return ids, nil
}

func firstRefunds(orders []Order) []string {
	var ids []string
	for _, o := range orders {
		if o.Refund {
			goto done
		}
		ids = append(ids, o.ID)
	}
done:
	return ids
}

// A channel has no length to preallocate from.
func drain(results <-chan Order) []Order {
	var all []Order
	for o := range results {
		all = append(all, o)
	}
	return all
}

// Condition-only and infinite loops: unknown trip count.
func readLines(sc *bufio.Scanner) []string {
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

func backoff(limit int) []int {
	var delays []int
	d := 1
	for d < limit {
		delays = append(delays, d)
		d *= 2
	}
	return delays
}

// Already preallocated, or not empty.
func preallocated(orders []Order) []string {
	ids := make([]string, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.ID)
	}
	return ids
}

func withHeader(orders []Order) []string {
	rows := []string{"id"}
	for _, o := range orders {
		rows = append(rows, o.ID)
	}
	return rows
}

func reuse(buf []string, orders []Order) []string {
	out := buf[:0]
	for _, o := range orders {
		out = append(out, o.ID)
	}
	return out
}

// Spreading a slice appends an unknown number of elements.
func allLines(orders []Order) []string {
	var lines []string
	for _, o := range orders {
		lines = append(lines, o.Lines...)
	}
	return lines
}

// Two appends, or two elements, per iteration.
func pairs(orders []Order) []string {
	var kv []string
	for _, o := range orders {
		kv = append(kv, o.ID)
		kv = append(kv, strings.Join(o.Lines, ","))
	}
	return kv
}

func flatPairs(orders []Order) []string {
	var kv []string
	for _, o := range orders {
		kv = append(kv, o.ID, strings.Join(o.Lines, ","))
	}
	return kv
}

// Both branches append: still written as conditional appends.
func labels(orders []Order) []string {
	var out []string
	for _, o := range orders {
		if o.Paid {
			out = append(out, o.ID+" (paid)")
		} else {
			out = append(out, o.ID)
		}
	}
	return out
}

// A switch case is conditional.
func refunds(orders []Order) []string {
	var out []string
	for _, o := range orders {
		switch {
		case o.Refund:
			out = append(out, o.ID)
		}
	}
	return out
}

// The slice is used between its declaration and the loop.
func withTitle(title string, orders []Order) []string {
	var out []string
	out = append(out, title)
	for _, o := range orders {
		out = append(out, o.ID)
	}
	return out
}

// Another statement comes between the declaration and the loop: the loop is not right after.
func countAndCollect(orders []Order) ([]string, int) {
	var ids []string
	total := 0
	for _, o := range orders {
		ids = append(ids, o.ID)
		total++
	}
	return ids, total
}

// The loop appends to a different slice.
func split(orders []Order, paid []string) ([]string, []string) {
	var unpaid []string
	for _, o := range orders {
		paid = append(paid, o.ID)
	}
	return paid, unpaid
}

// The result of append is stored in another variable.
func extended(orders []Order) []string {
	var base []string
	var out []string
	for _, o := range orders {
		out = append(base, o.ID)
	}
	return out
}
