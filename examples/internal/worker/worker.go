// Package worker checksums files with a fixed pool of goroutines.
package worker

import (
	"hash/crc32"
	"io"
	"log"
	"os"
	"strconv"
	"sync"
)

// Task names one file to checksum.
type Task struct {
	Path string
}

// Result is the outcome of one Task.
type Result struct {
	Path string
	Sum  uint32
	Err  error
}

// ---------------------------------------------------------------------------------------
// One goroutine and one closure per task.
// ---------------------------------------------------------------------------------------

// RunPerTask starts a goroutine per task through a func literal that captures results,
// tasks and wg: one closure is heap-allocated per iteration (and wg moves to the heap).
func RunPerTask(tasks []Task) []Result {
	results := make([]Result, len(tasks))
	var wg sync.WaitGroup
	for i := range tasks {
		wg.Add(1)
		go func(i int) { // want "loop-closure"
			defer wg.Done()
			results[i] = checksum(tasks[i])
		}(i)
	}
	wg.Wait()
	return results
}

// Run starts a fixed number of workers with a named function; they receive indexes over a
// channel. No closure is created per task.
func Run(tasks []Task, workers int) []Result {
	results := make([]Result, len(tasks))
	next := make(chan int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go work(w, tasks, results, next, &wg)
	}
	for i := range tasks {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func work(id int, tasks []Task, results []Result, next <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	// One logger per worker, prefixed once: the loop only logs interface values.
	logger := log.New(os.Stderr, "worker "+strconv.Itoa(id)+": ", log.LstdFlags)
	for i := range next {
		results[i] = checksum(tasks[i])
		if err := results[i].Err; err != nil {
			logger.Print(err)
		}
	}
}

// workVerbose logs with Printf inside the loop: id is boxed on every failure.
func workVerbose(id int, tasks []Task, results []Result, next <-chan int) {
	for i := range next {
		results[i] = checksum(tasks[i])
		if err := results[i].Err; err != nil {
			log.Printf("worker %d: %v", id, err) // want "interface-boxing-in-loop"
		}
	}
}

// ---------------------------------------------------------------------------------------
// Deferring inside a loop.
// ---------------------------------------------------------------------------------------

// ChecksumAllDeferred defers Close in the loop: each defer record is heap-allocated and
// every file stays open until the function returns.
func ChecksumAllDeferred(paths []string) (map[string]uint32, error) {
	sums := make(map[string]uint32, len(paths))
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close() // want "defer-in-loop"
		h := crc32.NewIEEE()
		if _, err := io.Copy(h, f); err != nil {
			return nil, err
		}
		sums[path] = h.Sum32()
	}
	return sums, nil
}

// checksum opens, hashes and closes one file; its defer is open-coded (free).
func checksum(t Task) Result {
	f, err := os.Open(t.Path)
	if err != nil {
		return Result{Path: t.Path, Err: err}
	}
	defer f.Close()
	h := crc32.NewIEEE()
	if _, err := io.Copy(h, f); err != nil {
		return Result{Path: t.Path, Err: err}
	}
	return Result{Path: t.Path, Sum: h.Sum32()}
}

// ---------------------------------------------------------------------------------------
// Collecting results.
// ---------------------------------------------------------------------------------------

// ErrorsGrown collects one entry per result into an empty slice.
func ErrorsGrown(results []Result) []error {
	errs := []error{} // want "slice-prealloc"
	for _, r := range results {
		errs = append(errs, r.Err)
	}
	return errs
}

// Failed keeps only the failures: a conditional append, so the slice starts small and
// grows only when needed.
func Failed(results []Result) []Result {
	var failed []Result
	for _, r := range results {
		if r.Err != nil {
			failed = append(failed, r)
		}
	}
	return failed
}

// ---------------------------------------------------------------------------------------
// Taking `any` where a concrete type would do.
// ---------------------------------------------------------------------------------------

// NewTaskAny accepts anything and type-switches: every caller boxes its argument.
func NewTaskAny(path interface{}) Task { // want "interface-param"
	switch p := path.(type) {
	case string:
		return Task{Path: p}
	case []byte:
		return Task{Path: string(p)}
	}
	return Task{}
}

// NewTask is generic over the two accepted types: no interface conversion.
func NewTask[P ~string | ~[]byte](path P) Task {
	return Task{Path: string(path)}
}
