// Go 1.21: a range with two variables has a length, whatever the collection's type.
package go121

import "example.com/catalog"

func byName(c *catalog.Catalog) map[string]int {
	index := make(map[string]int) // want "map-prealloc"
	for i, item := range c.Items {
		index[item.Name] = i
	}
	return index
}
