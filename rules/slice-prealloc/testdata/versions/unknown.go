package versions

import "example.com/catalog"

// Since Go 1.23 a range with two variables over a value of unknown type may be an iterator.
func pairs(c *catalog.Catalog) []string {
	var out []string
	for k, v := range c.Pairs {
		out = append(out, k+"="+v)
	}
	return out
}
