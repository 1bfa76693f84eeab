// An empty map filled with one m[k] = v per iteration of the range right after it, over a
// collection of known length: the map grows (rehashes) repeatedly; a size hint allocates
// the buckets once.
package positives

import "strings"

type Account struct {
	ID    string
	Email string
	Plan  string
}

// make(map[K]V) and a range over a slice parameter.
func byID(accounts []Account) map[string]Account {
	index := make(map[string]Account, len(accounts)) // want "map-prealloc"
	for _, a := range accounts {
		index[a.ID] = a
	}
	return index
}

func loadAccounts() []Account { return nil }

// A range over a call result: the fix computes it once into a new variable and ranges over that.
func loaded() map[string]Account {
	src := loadAccounts()
	accounts := make(map[string]Account, len(src)) // want "map-prealloc"
	for _, a := range src {
		accounts[a.ID] = a
	}
	return accounts
}

// map[K]V{} and a range over a map.
func invert(planOf map[string]string) map[string]string {
	owners := make(map[string]string, len(planOf)) // want "map-prealloc"
	for account, plan := range planOf {
		owners[plan] = account
	}
	return owners
}

// Other statements in the body, a pointer value, a computed key.
func byEmail(accounts []Account) map[string]*Account {
	m := make(map[string]*Account, len(accounts)) // want "map-prealloc"
	for i := range accounts {
		key := strings.ToLower(accounts[i].Email)
		m[key] = &accounts[i]
	}
	return m
}

// var m = make(...) and a range over an array.
func weekdayIndex(days [7]string) map[string]int {
	var idx = make(map[string]int, len(days)) // want "map-prealloc"
	for i, d := range days {
		idx[d] = i
	}
	return idx
}

// A set built from a string's runes.
func runeSet(s string) map[rune]struct{} {
	set := make(map[rune]struct{}, len(s)) // want "map-prealloc"
	for _, r := range s {
		set[r] = struct{}{}
	}
	return set
}

// A range over a local slice built by a composite literal, in a method.
type Registry struct{ plans map[string]int }

func (r *Registry) load() {
	names := []string{"free", "pro", "enterprise"}
	limits := make(map[string]int, len(names)) // want "map-prealloc"
	for i, n := range names {
		limits[n] = (i + 1) * 100
	}
	r.plans = limits
}

// A key that is itself an element (tree-sitter-go reads m[keys[i]] as a generic instantiation).
func byPosition(keys []string, accounts []Account) map[string]Account {
	m := make(map[string]Account, len(accounts)) // want "map-prealloc"
	for i, a := range accounts {
		m[keys[i]] = a
	}
	return m
}

type Lookup struct{ names []string }

func (l *Lookup) byName(accounts []Account) map[string]Account {
	m := make(map[string]Account, len(accounts)) // want "map-prealloc"
	for i := range accounts {
		m[l.names[i]] = accounts[i]
	}
	return m
}
