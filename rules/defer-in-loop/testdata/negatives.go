// Defers that are not in a loop of their own function: not flagged.
package negatives

import (
	"io"
	"os"
	"sync"
)

// Defer before and after a loop: open-coded, runs once.
func writeAll(path string, chunks [][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, c := range chunks {
		if _, err := f.Write(c); err != nil {
			return err
		}
	}
	return nil
}

func sumUnderLock(mu *sync.Mutex, xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	mu.Lock()
	defer mu.Unlock()
	return total
}

// The defer belongs to a func literal invoked once per iteration: the idiomatic fix.
func sizes(paths []string) (map[string]int64, error) {
	out := make(map[string]int64, len(paths))
	for _, path := range paths {
		err := func() error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			n, err := io.Copy(io.Discard, f)
			out[path] = n
			return err
		}()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Goroutines started in a loop defer inside their own function.
func fanOut(tasks []func(), wg *sync.WaitGroup) {
	for _, task := range tasks {
		wg.Add(1)
		go func(run func()) {
			defer wg.Done()
			run()
		}(task)
	}
}

// A func literal stored per iteration: its defer is not in a loop of the literal.
func handlers(names []string, mu *sync.Mutex, counts map[string]int) []func() {
	hs := make([]func(), 0, len(names))
	for _, name := range names {
		hs = append(hs, func() {
			mu.Lock()
			defer mu.Unlock()
			counts[name]++
		})
	}
	return hs
}

// A loop inside a func literal, with the literal's defer outside that loop.
func flusher(w io.Writer, mu *sync.Mutex) func(lines [][]byte) error {
	return func(lines [][]byte) error {
		mu.Lock()
		defer mu.Unlock()
		for _, l := range lines {
			if _, err := w.Write(l); err != nil {
				return err
			}
		}
		return nil
	}
}

// A loop written with a backward goto is not a for statement: not flagged (the rule follows
// for loops only; the compiler does treat this defer as heap-allocated).
func pollGoto(next func() (io.Closer, bool)) {
again:
	c, ok := next()
	if !ok {
		return
	}
	defer c.Close()
	goto again
}

// Under a false constant the compiler deletes the branch.
const debug = false

func tracedClose(cs []io.Closer, mu *sync.Mutex) {
	for _, c := range cs {
		if debug {
			defer c.Close()
		}
		mu.Lock()
		mu.Unlock()
	}
}
