// A package of the same module as the linted one: its bodies are read like the linted package's.
package walk

var handlers []func(string)

// Walk only calls visit, through a helper of its own package.
func Walk(root string, visit func(string) error) error {
	return walk(root, visit)
}

func walk(path string, visit func(string) error) error {
	return visit(path)
}

// Register keeps f.
func Register(f func(string)) { handlers = append(handlers, f) }

// Cache computes a value once per key; Do only calls compute.
type Cache struct{ values map[string]any }

func (c *Cache) Do(key string, compute func() any) any {
	if v, ok := c.values[key]; ok {
		return v
	}
	v := compute()
	c.values[key] = v
	return v
}

// Later keeps compute for another time.
func (c *Cache) Later(key string, compute func() any) { go compute() }
