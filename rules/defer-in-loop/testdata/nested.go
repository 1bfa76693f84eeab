// Nested loops and loops inside func literals.
package nested

import (
	"os"
	"sync"
)

// Both defers are inside loops: the inner one in two.
func mergeShards(shards [][]string, mu *sync.Mutex) error {
	for _, shard := range shards {
		mu.Lock()
		defer mu.Unlock() // want "defer-in-loop"
		for _, path := range shard {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close() // want "defer-in-loop"
		}
	}
	return nil
}

// A loop inside a func literal that is itself inside a loop: the defer is in the literal's
// own loop, so it is flagged once.
func perTenant(tenants map[string][]string) {
	for tenant, files := range tenants {
		func() {
			for _, name := range files {
				f, err := os.Open(tenant + "/" + name)
				if err != nil {
					continue
				}
				defer f.Close() // want "defer-in-loop"
			}
		}()
	}
}

// The outer loop's body starts a literal; the literal's defer is outside the inner loop.
func perBatch(batches [][]int, mu *sync.Mutex, sink func(int)) {
	for _, batch := range batches {
		func() {
			mu.Lock()
			defer mu.Unlock()
			for _, v := range batch {
				sink(v)
			}
		}()
	}
}

// A method with a labelled inner loop and a defer in the outer loop after it.
type Reloader struct {
	mu    sync.Mutex
	files []string
}

func (r *Reloader) Reload(rounds int) {
	for i := 0; i < rounds; i++ {
	scan:
		for _, name := range r.files {
			if name == "" {
				break scan
			}
		}
		r.mu.Lock()
		defer r.mu.Unlock() // want "defer-in-loop"
	}
}
