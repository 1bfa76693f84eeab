// Range over an integer (Go 1.22): still a loop.
package versions

import "sync"

func warmUp(workers int, mu *sync.Mutex, warm func(int)) {
	for i := range workers {
		mu.Lock()
		defer mu.Unlock() // want "defer-in-loop"
		warm(i)
	}
}

func warmUpOnce(workers int, mu *sync.Mutex, warm func(int)) {
	mu.Lock()
	defer mu.Unlock()
	for i := range workers {
		warm(i)
	}
}
