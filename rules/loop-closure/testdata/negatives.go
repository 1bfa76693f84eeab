// Func literals in loops that do not allocate a closure per iteration, or that alloclint
// knows are not retained: not flagged.
package negatives

import (
	"bytes"
	"flag"
	"go/token"
	"log"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

var (
	processed atomic.Int64
	once      sync.Once
	lineRx    = regexp.MustCompile(`LINE([+-][0-9]+)?`)
	config    map[string]string
)

const batchSize = 64

func loadConfig() { config = map[string]string{"mode": "fast"} }

// Capturing nothing: a static closure, no allocation.
func heartbeat(n int) {
	for i := 0; i < n; i++ {
		go func() {
			log.Print("alive")
		}()
	}
}

// Capturing only package-level variables, constants and functions.
func countBatches(items []string) {
	for range items {
		go func() {
			processed.Add(batchSize)
			loadConfig()
		}()
	}
}

// Immediately invoked, without go or defer.
func totals(orders map[string][]int) map[string]int {
	out := make(map[string]int, len(orders))
	for customer, amounts := range orders {
		func() {
			sum := 0
			for _, a := range amounts {
				sum += a
			}
			out[customer] = sum
		}()
	}
	return out
}

// Held in a loop-local variable and only called.
func render(rows [][]string) string {
	var buf bytes.Buffer
	for _, row := range rows {
		cell := func(s string) {
			buf.WriteString(s)
			buf.WriteByte('\t')
		}
		for _, c := range row {
			cell(c)
		}
		buf.WriteByte('\n')
	}
	return buf.String()
}

type Entry struct {
	Name  string
	Score int
}

// Passed to calls known not to retain the function.
func rank(groups map[string][]Entry, names [][]string, limit int) {
	for _, entries := range groups {
		sort.Slice(entries, func(i, j int) bool {
			return entries[i].Score > entries[j].Score
		})
		sort.SliceStable(entries, func(i, j int) bool {
			return entries[i].Name < entries[j].Name
		})
		cut := sort.Search(len(entries), func(i int) bool {
			return entries[i].Score < limit
		})
		_ = entries[:cut]
	}
	for _, ns := range names {
		sort.Slice(ns, func(i, j int) bool { return ns[i] < ns[j] })
	}
}

// FileSet.Iterate only calls f while it runs.
func countFiles(sources []string) int {
	count := 0
	for _, src := range sources {
		fset := token.NewFileSet()
		fset.Iterate(func(f *token.File) bool {
			count++
			return src != ""
		})
	}
	return count
}

// The flag visitors only call fn.
func setFlags(sets []*flag.FlagSet) (set []string) {
	for _, fs := range sets {
		fs.VisitAll(func(f *flag.Flag) { set = append(set, fs.Name()+f.Name) })
		fs.Visit(func(f *flag.Flag) { set = append(set, fs.Name()+f.Value.String()) })
		flag.VisitAll(func(f *flag.Flag) { set = append(set, fs.Name()+f.Name) })
		flag.Visit(func(f *flag.Flag) { set = append(set, fs.Name()+f.Name) })
	}
	return set
}

func firstSpace(lines []string, raw [][]byte, sep rune) []int {
	idx := make([]int, 0, len(lines))
	for _, l := range lines {
		idx = append(idx, strings.IndexFunc(l, func(r rune) bool {
			return r == sep || unicode.IsSpace(r)
		}))
	}
	for _, b := range raw {
		idx = append(idx, bytes.IndexFunc(b, func(r rune) bool { return r == sep }))
	}
	return idx
}

func initOnce(paths []string, load func(string)) {
	for _, p := range paths {
		once.Do(func() {
			load(p)
		})
	}
}

// A shadowing parameter: the literal captures nothing from the loop.
type Job interface{ Run() }

func runAll(jobs []Job) {
	for _, job := range jobs {
		go func(job Job) {
			job.Run()
		}(job)
	}
}

// The loop variable's name is redeclared inside the literal before any use.
var queue = make(chan Job)

func pumps(n int) {
	for job := 0; job < n; job++ {
		go func() {
			job := <-queue
			job.Run()
		}()
	}
}

// A literal outside any loop.
func worker(jobs <-chan Job, wg *sync.WaitGroup) {
	done := func() { wg.Done() }
	defer done()
	go func() {
		for j := range jobs {
			j.Run()
		}
		wg.Done()
	}()
}

// A loop inside the literal: the literal itself is created once.
func drainer(jobs <-chan Job, logger *log.Logger) func() {
	return func() {
		for j := range jobs {
			logger.Print("running")
			j.Run()
		}
	}
}

// regexp's *Func methods call the func and drop it; the compiler says "func literal does not
// escape" (cmd/vet's own test does this).
func expandLines(patterns []string, line int, pattern string) ([]string, error) {
	rx, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, 2*len(patterns))
	for _, p := range patterns {
		replaced := false
		out = append(out, lineRx.ReplaceAllStringFunc(p, func(m string) string {
			if replaced {
				return m
			}
			replaced = true
			return strings.Repeat("x", line)
		}))
		out = append(out, string(rx.ReplaceAllFunc([]byte(p), func(m []byte) []byte { return append(m, p...) })))
	}
	return out, nil
}
