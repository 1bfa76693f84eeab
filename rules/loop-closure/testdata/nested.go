// Literals nested in literals, and loops inside literals.
package nested

import (
	"log"
	"sync"
)

type Shard struct {
	Name string
	Keys []string
}

// Only the outer literal is in the loop of its function: the inner one is behind it.
func compactAll(shards []Shard, wg *sync.WaitGroup, logger *log.Logger) {
	for _, sh := range shards {
		wg.Add(1)
		go func() { // want "loop-closure"
			defer func() {
				logger.Printf("compacted %s", sh.Name)
				wg.Done()
			}()
			compact(sh)
		}()
	}
}

func compact(Shard) {}

// The outer literal is only called; the inner one is behind it: no finding.
func flushAll(shards []Shard, flush func(string)) {
	for _, sh := range shards {
		run := func() {
			go func() {
				flush(sh.Name)
			}()
		}
		run()
	}
}

// A loop inside a literal that is itself inside a loop: each literal is in a loop of its
// own function, both capture and escape.
func replicate(shards []Shard, peers []string, send func(peer, key string)) {
	for _, sh := range shards {
		go func() { // want "loop-closure"
			for _, key := range sh.Keys {
				go func() { // want "loop-closure"
					for _, p := range peers {
						send(p, key)
					}
				}()
			}
		}()
	}
}

// A literal in a loop inside a literal that is created outside any loop.
func startWatchers(paths []string, events chan<- string) func() {
	return func() {
		for _, p := range paths {
			go func() { // want "loop-closure"
				events <- p
			}()
		}
	}
}

// The inner literal captures only locals of its own.
func spin(n int) {
	for i := 0; i < n; i++ {
		go func() {
			total := 0
			add := func(k int) { total += k }
			add(1)
		}()
	}
}
