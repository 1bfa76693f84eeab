// Package cache is generic: type parameters constrained by any are not
// interface parameters, the values are not boxed.
package cache

import "sync"

// Cache is a generic map guarded by a mutex.
type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// New builds a cache.
func New[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{m: make(map[K]V)}
}

// Set stores v under k.
func (c *Cache[K, V]) Set(k K, v V) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

// GetOr returns the cached value or def.
func GetOr[K comparable, V any](c *Cache[K, V], k K, def V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[k]; ok {
		return v
	}
	return def
}

// Keys works for any element type.
func Keys[T any](items []T, key func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, key(it))
	}
	return out
}

// Sum uses an inline constraint interface.
func Sum[N interface{ ~int | ~int64 | ~float64 }](xs ...N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

// Load returns any: a result, not a parameter.
func Load(m map[string]any, k string) any {
	return m[k]
}
