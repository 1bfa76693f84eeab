// Since Go 1.22 each iteration has its own loop variables: capturing them is correct, but the
// closure (and the per-iteration variable it captures) is still heap-allocated on every
// iteration, so the same literals are flagged (with a message that does not speak of a bug).
package workers

import (
	"log"
	"net/http"
	"sync"
)

func crawl(urls []string, wg *sync.WaitGroup, visit func(string)) {
	for _, u := range urls {
		wg.Add(1)
		go func() { // want "loop-closure"
			defer wg.Done()
			visit(u)
		}()
	}
}

func unlockAll(locks []*sync.Mutex) {
	for i := 0; i < len(locks); i++ {
		locks[i].Lock()
		defer func() { // want "loop-closure"
			locks[i].Unlock()
		}()
	}
}

// The `u := u` copy, now redundant, changes nothing: still one closure (and one copy of u)
// per iteration: still flagged.
func crawlCopy(urls []string, wg *sync.WaitGroup, visit func(string)) {
	for _, u := range urls {
		u := u
		wg.Add(1)
		go func() { // want "loop-closure"
			defer wg.Done()
			visit(u)
		}()
	}
}

func mount(mux *http.ServeMux, files map[string][]byte) {
	for name, data := range files {
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) { // want "loop-closure"
			w.Write(data)
		})
	}
}

// Passing every value as an argument: the literal captures nothing (the parameter visit
// would be a capture too).
func crawlArg(urls []string, visit func(string, *sync.WaitGroup), wg *sync.WaitGroup) {
	for _, u := range urls {
		wg.Add(1)
		go func(u string, visit func(string, *sync.WaitGroup), wg *sync.WaitGroup) {
			defer wg.Done()
			visit(u, wg)
		}(u, visit, wg)
	}
}

// Only called: no escape, whatever the loop-variable semantics.
func logAll(lines []string, logger *log.Logger) {
	for i, l := range lines {
		emit := func() { logger.Printf("%d: %s", i, l) }
		emit()
	}
}
