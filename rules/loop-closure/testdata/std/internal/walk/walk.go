package walk

// Each only calls f.
func Each(xs []string, f func(string)) {
	for _, x := range xs {
		f(x)
	}
}

var hooks []func(string)

// Register keeps f.
func Register(f func(string)) { hooks = append(hooks, f) }
