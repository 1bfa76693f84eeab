// Go 1.21: a range with two variables is over a slice, array, pointer to array, string or
// map, so len() of it is the trip count even when the type comes from another package.
package go121

import "example.com/catalog"

func names(c *catalog.Catalog) []string {
	var out []string // want "slice-prealloc"
	for _, item := range c.Items {
		out = append(out, item.Name)
	}
	return out
}

// One variable: it could be a channel.
func drain(c *catalog.Catalog) []string {
	var out []string
	for item := range c.Updates {
		out = append(out, item)
	}
	return out
}
