// Func literals created in a loop that capture locals and escape: one closure object is
// heap-allocated per iteration (and the captured variables with it).
package positives

import (
	"context"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

type Result struct {
	URL    string
	Status int
}

func fetch(ctx context.Context, url string) Result { return Result{URL: url} }

// go statement: captures ctx and results, declared outside the loop.
func fetchAll(ctx context.Context, urls []string) []Result {
	results := make(chan Result, len(urls))
	for _, url := range urls {
		target := strings.TrimSpace(url)
		go func() { // want "loop-closure"
			results <- fetch(ctx, target)
		}()
	}
	out := make([]Result, 0, len(urls))
	for range urls {
		out = append(out, <-results)
	}
	return out
}

// defer statement: captures the per-iteration temp file and the logger.
func processUploads(names []string, logger *log.Logger) error {
	for _, name := range names {
		tmp, err := os.CreateTemp("", name)
		if err != nil {
			return err
		}
		defer func() { // want "loop-closure"
			logger.Printf("removing %s", tmp.Name())
			os.Remove(tmp.Name())
		}()
	}
	return nil
}

// Stored in a variable declared outside the loop.
func lastFailure(checks map[string]error, logger *log.Logger) func() {
	var report func()
	for name, err := range checks {
		if err != nil {
			report = func() { // want "loop-closure"
				logger.Printf("check %s failed: %v", name, err)
			}
		}
	}
	return report
}

type Conn interface{ Send(msg []byte) error }

// Appended to a slice declared outside the loop; also assigned to a slice element.
func buildTasks(conn Conn, msgs [][]byte) ([]func() error, []func() error) {
	var tasks []func() error
	retries := make([]func() error, len(msgs))
	for i, msg := range msgs {
		tasks = append(tasks, func() error { // want "loop-closure"
			return conn.Send(msg)
		})
		retries[i] = func() error { // want "loop-closure"
			time.Sleep(time.Second)
			return conn.Send(msg)
		}
	}
	return tasks, retries
}

// Stored as a map element.
func routes(mux map[string]http.HandlerFunc, pages map[string][]byte) {
	for path, body := range pages {
		mux[path] = func(w http.ResponseWriter, r *http.Request) { // want "loop-closure"
			w.Write(body)
		}
	}
}

type Server struct {
	onShutdown func()
	hooks      []func()
}

// Stored in a struct field.
func (s *Server) configure(listeners []string, logger *log.Logger) {
	for _, addr := range listeners {
		s.onShutdown = func() { // want "loop-closure"
			logger.Printf("closing %s", addr)
		}
	}
}

// Sent on a channel.
func dispatch(work chan<- func(), orders []int, ship func(int)) {
	for _, id := range orders {
		work <- func() { // want "loop-closure"
			ship(id)
		}
	}
}

// Returned from inside the loop.
func firstHandler(handlers map[string]func(string) bool, input string) func() bool {
	for name, h := range handlers {
		if strings.HasPrefix(input, name) {
			return func() bool { // want "loop-closure"
				return h(input)
			}
		}
	}
	return nil
}

// Passed to calls that retain the function: net/http registration, time.AfterFunc.
func register(pages map[string]string) {
	for path, text := range pages {
		http.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { // want "loop-closure"
			w.Write([]byte(text))
		})
	}
}

func scheduleReminders(users []string, delay time.Duration, notify func(string)) []*time.Timer {
	timers := make([]*time.Timer, 0, len(users))
	for _, user := range users {
		timers = append(timers, time.AfterFunc(delay, func() { // want "loop-closure"
			notify(user)
		}))
	}
	return timers
}

// A custom errgroup-like helper: alloclint cannot know it does not retain f, and it does.
type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func warmCaches(g *Group, keys []string, load func(string)) {
	for _, key := range keys {
		g.Go(func() { // want "loop-closure"
			load(key)
		})
	}
}

// Two literals on one line, both passed to a call.
func (s *Server) onEach(names []string, open, close func(string)) {
	for _, name := range names {
		s.both(func() { open(name) }, func() { close(name) }) // want "loop-closure" "loop-closure"
	}
}

func (s *Server) both(a, b func()) { s.hooks = append(s.hooks, a, b) }

// Held in a loop-local variable that is then appended (not only called).
func (s *Server) addHooks(names []string, logger *log.Logger) {
	for _, name := range names {
		hook := func() { // want "loop-closure"
			logger.Print(name)
		}
		s.hooks = append(s.hooks, hook)
	}
}

// A three-clause loop capturing a parameter.
func pollers(n int, interval time.Duration, tick func(int)) []func() {
	ps := make([]func(), 0, n)
	for i := 0; i < n; i++ {
		ps = append(ps, func() { // want "loop-closure"
			time.Sleep(interval)
		})
	}
	return ps
}
