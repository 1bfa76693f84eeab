package ingest

// Load calls the any-param functions declared in audit.go inside loops.
func Load(items []Item, names []string) int {
	loaded := 0
	for _, it := range items {
		loaded++
		record("item", it)     // want "interface-boxing-in-loop"
		note(loaded)           // want "interface-boxing-in-loop"
		record("pointer", &it) // a pointer: fine
		record("done", true)   // a constant: fine
	}
	for i, n := range names {
		record("name", n, i) // want "interface-boxing-in-loop" "interface-boxing-in-loop"
	}
	note(loaded) // outside the loop
	return loaded
}
