// Declarations inside loops and func literals.
package nested

type Team struct {
	Name    string
	Members []string
}

// Declared in the outer loop's body right before a range over a parameter.
func rosters(teams []Team, roles []string) []map[string]string {
	out := make([]map[string]string, 0, len(teams))
	for _, t := range teams {
		byRole := make(map[string]string, len(roles)) // want "map-prealloc"
		for i, r := range roles {
			byRole[r] = t.Members[i%len(t.Members)]
		}
		out = append(out, byRole)
	}
	return out
}

// Inside a func literal.
func indexer(roles []string) func() map[string]int {
	return func() map[string]int {
		pos := make(map[string]int, len(roles)) // want "map-prealloc"
		for i, r := range roles {
			pos[r] = i
		}
		return pos
	}
}

// The set is behind a func literal in the loop body.
func viaCallback(roles []string, each func(func())) map[string]bool {
	seen := make(map[string]bool)
	for _, r := range roles {
		each(func() {
			seen[r] = true
		})
	}
	return seen
}
