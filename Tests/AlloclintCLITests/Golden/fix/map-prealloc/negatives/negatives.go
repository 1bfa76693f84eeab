// Maps that cannot be sized up front, are already sized, or are not filled once per
// iteration of a range over a known-length collection: not flagged.
package negatives

import "bufio"

type Account struct {
	ID      string
	Plan    string
	Deleted bool
	Tags    []string
}

// A conditional set.
func active(accounts []Account) map[string]Account {
	m := make(map[string]Account)
	for _, a := range accounts {
		if !a.Deleted {
			m[a.ID] = a
		}
	}
	return m
}

func skipDeleted(accounts []Account) map[string]Account {
	m := make(map[string]Account)
	for _, a := range accounts {
		if a.Deleted {
			continue
		}
		m[a.ID] = a
	}
	return m
}

// Already sized.
func sized(accounts []Account) map[string]Account {
	m := make(map[string]Account, len(accounts))
	for _, a := range accounts {
		m[a.ID] = a
	}
	return m
}

// A channel or a scanner: no known length.
func fromChan(updates <-chan Account) map[string]Account {
	m := make(map[string]Account)
	for a := range updates {
		m[a.ID] = a
	}
	return m
}

func fromLines(sc *bufio.Scanner) map[string]bool {
	seen := map[string]bool{}
	for sc.Scan() {
		seen[sc.Text()] = true
	}
	return seen
}

// A three-clause loop: the rule follows ranges over collections only.
func numbered(n int) map[int]string {
	m := make(map[int]string)
	for i := 0; i < n; i++ {
		m[i] = "slot"
	}
	return m
}

// Used before the loop.
func withDefault(accounts []Account) map[string]string {
	plans := make(map[string]string)
	plans["root"] = "enterprise"
	for _, a := range accounts {
		plans[a.ID] = a.Plan
	}
	return plans
}

// Two sets per iteration: not "one per iteration".
func bidirectional(pairs map[string]string) map[string]string {
	m := make(map[string]string)
	for k, v := range pairs {
		m[k] = v
		m[v] = k
	}
	return m
}

// Deleting, not filling.
func prune(deleted []Account) map[string]Account {
	live := map[string]Account{}
	for _, a := range deleted {
		delete(live, a.ID)
	}
	return live
}

// Counting with ++ or +=: keys repeat, the final size is not the length of the source.
func planCounts(accounts []Account) map[string]int {
	counts := make(map[string]int)
	for _, a := range accounts {
		counts[a.Plan]++
	}
	return counts
}

func tagWeights(accounts []Account) map[string]int {
	w := map[string]int{}
	for _, a := range accounts {
		w[a.Plan] += len(a.Tags)
	}
	return w
}

// An inner map is set, not the declared one.
func nested(accounts []Account, byPlan map[string]map[string]bool) map[string]map[string]bool {
	m := make(map[string]map[string]bool)
	for _, a := range accounts {
		byPlan[a.Plan][a.ID] = true
	}
	return m
}

// Filled by an inner loop: not one set per iteration of the outer range.
func tagIndex(accounts []Account) map[string]string {
	m := make(map[string]string)
	for _, a := range accounts {
		for _, t := range a.Tags {
			m[t] = a.ID
		}
	}
	return m
}

// Another statement between the declaration and the loop.
func indexWithCount(accounts []Account) (map[string]Account, int) {
	m := make(map[string]Account)
	n := 0
	for _, a := range accounts {
		m[a.ID] = a
		n++
	}
	return m, n
}

// Not empty to begin with.
func withRoot(accounts []Account) map[string]string {
	m := map[string]string{"root": "enterprise"}
	for _, a := range accounts {
		m[a.ID] = a.Plan
	}
	return m
}

// A different map is filled.
func copyInto(accounts []Account, dst map[string]string) map[string]string {
	m := make(map[string]string)
	for _, a := range accounts {
		dst[a.ID] = a.Plan
	}
	return m
}

// A second store, spelled m[keys[i]]: two entries per iteration.
func twoStores(keys []string, accounts []Account) map[string]Account {
	m := make(map[string]Account)
	for i, a := range accounts {
		m[a.ID] = a
		m[keys[i]] = a
	}
	return m
}
