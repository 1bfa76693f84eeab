// Defers lexically inside a loop body: each one is heap-allocated (the compiler cannot
// open-code or stack-allocate a defer that may run more than once) and all of them run
// only when the function returns.
package positives

import (
	"bufio"
	"database/sql"
	"io"
	"log"
	"os"
	"sync"
)

// countLines keeps every file open until the whole loop is done.
func countLines(paths []string) (int, error) {
	total := 0
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		defer f.Close() // want "defer-in-loop"
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			total++
		}
	}
	return total, nil
}

// retry uses a three-clause loop.
func retry(attempts int, mu *sync.Mutex, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		mu.Lock()
		defer mu.Unlock() // want "defer-in-loop"
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// drain uses a condition-only loop.
func drain(rows *sql.Rows, sink func(*sql.Rows)) {
	for rows.Next() {
		defer sink(rows) // want "defer-in-loop"
	}
}

// serve uses an infinite loop.
func serve(accept func() (io.ReadWriteCloser, error), handle func(io.ReadWriter)) error {
	for {
		conn, err := accept()
		if err != nil {
			return err
		}
		defer conn.Close() // want "defer-in-loop"
		handle(conn)
	}
}

// copyAll uses a labelled loop, and the defer sits in a nested block of the body.
func copyAll(dst io.Writer, srcs []string) error {
files:
	for _, name := range srcs {
		if name == "" {
			continue files
		}
		{
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close() // want "defer-in-loop"
			if _, err := io.Copy(dst, f); err != nil {
				break files
			}
		}
	}
	return nil
}

// closeAll ranges over a map; the defer is in an if inside the body.
func closeAll(conns map[string]io.Closer) {
	for name, c := range conns {
		if c != nil {
			defer c.Close() // want "defer-in-loop"
			log.Printf("closing %s", name)
		}
	}
}

// consume ranges over a channel; the defer is in a switch and in a select case.
func consume(jobs <-chan func() error, done <-chan struct{}, report func(error)) {
	for job := range jobs {
		switch err := job(); {
		case err != nil:
			defer report(err) // want "defer-in-loop"
		}
		select {
		case <-done:
			defer log.Print("consumer stopped") // want "defer-in-loop"
			return
		default:
		}
	}
}

// The deferred call may be a func literal: the defer statement itself is still in the loop.
func releaseAll(locks []*sync.Mutex) {
	for _, l := range locks {
		l.Lock()
		defer func(m *sync.Mutex) { // want "defer-in-loop"
			m.Unlock()
		}(l)
	}
}
