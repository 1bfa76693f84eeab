// Needs Go 1.22: range over an integer.
package workers

import "sync"

func startWorkers(n int, wg *sync.WaitGroup, work func(id int)) {
	for id := range n {
		wg.Add(1)
		go func() { // want "loop-closure"
			defer wg.Done()
			work(id)
		}()
	}
}

func sequential(n int, work func(id int)) {
	for id := range n {
		func() {
			work(id)
		}()
	}
}
