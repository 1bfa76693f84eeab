// Under the module's directory, but a module of its own (nested/go.mod): not read.
package hooks

func Each(items []string, f func(string)) {
	for _, it := range items {
		f(it)
	}
}
