// Package server serves static pages and page bundles over HTTP.
package server

import (
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"

	"example.com/alloclint-examples/internal/bufpool"
)

// Page is one static page.
type Page struct {
	Path  string
	Title string
	Body  string
}

// Server serves pages from an index built once at start-up.
type Server struct {
	mux   *http.ServeMux
	pages map[string]Page
}

// ---------------------------------------------------------------------------------------
// Registering one closure per route.
// ---------------------------------------------------------------------------------------

// NewPerRoute registers a func literal per page: one heap-allocated closure (holding its
// own copy of the page) per route.
func NewPerRoute(pages []Page) *http.ServeMux {
	mux := http.NewServeMux()
	for _, p := range pages {
		page := p
		mux.HandleFunc(page.Path, func(w http.ResponseWriter, r *http.Request) { // want "loop-closure"
			render(w, page)
		})
	}
	return mux
}

// New indexes the pages once and lets one method serve them all.
func New(pages []Page) *Server {
	s := &Server{mux: http.NewServeMux(), pages: make(map[string]Page, len(pages))}
	for _, p := range pages {
		s.pages[p.Path] = p
	}
	s.mux.Handle("/", s)
	return s
}

// ServeHTTP looks the page up by path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	page, ok := s.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	render(w, page)
}

// Handler returns the server's request multiplexer.
func (s *Server) Handler() http.Handler { return s.mux }

// render writes the page through a pooled buffer: Get, write, use, Put.
func render(w http.ResponseWriter, p Page) {
	b := bufpool.Get()
	defer bufpool.Put(b)
	b.WriteString("<!doctype html><title>")
	b.WriteString(p.Title)
	b.WriteString("</title>\n")
	b.WriteString(p.Body)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// ---------------------------------------------------------------------------------------
// Indexing pages.
// ---------------------------------------------------------------------------------------

// IndexGrown fills a map literal with no size hint.
func IndexGrown(pages []Page) map[string]Page {
	byPath := map[string]Page{} // want "map-prealloc"
	for _, p := range pages {
		byPath[p.Path] = p
	}
	return byPath
}

// Routes lists the served paths, sorted; the slice is sized from the map.
func (s *Server) Routes() []string {
	routes := make([]string, 0, len(s.pages))
	for path := range s.pages {
		routes = append(routes, path)
	}
	sort.Strings(routes)
	return routes
}

// ---------------------------------------------------------------------------------------
// Serving a bundle of files.
// ---------------------------------------------------------------------------------------

// ServeBundleDeferred defers Close in the loop: a heap-allocated defer per file, and all
// files stay open until the whole bundle is written.
func ServeBundleDeferred(w io.Writer, paths []string) error {
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close() // want "defer-in-loop"
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}

// ServeBundle closes each file as soon as it has been copied.
func ServeBundle(w io.Writer, paths []string) error {
	for _, path := range paths {
		if err := copyFile(w, path); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// ---------------------------------------------------------------------------------------
// Breadcrumbs and shard locks.
// ---------------------------------------------------------------------------------------

// BreadcrumbConcat joins the path segments with string concatenation.
func BreadcrumbConcat(segments []string) string {
	var trail string
	for i, seg := range segments {
		if i > 0 {
			trail = trail + " / " // want "string-concat-in-loop"
		}
		trail = trail + seg // want "string-concat-in-loop"
	}
	return trail
}

// Breadcrumb lets strings.Join compute the length and copy once.
func Breadcrumb(segments []string) string {
	return strings.Join(segments, " / ")
}

// shard is one part of the hit counter.
type shard struct {
	mu   sync.Mutex
	hits map[string]int
}

// Counter counts hits per path over several independently locked shards.
type Counter struct {
	shards []*shard
}

// SnapshotDeferred locks every shard with a deferred unlock per shard.
func (c *Counter) SnapshotDeferred() int {
	total := 0
	for _, sh := range c.shards {
		sh.mu.Lock()
		defer sh.mu.Unlock() // want "defer-in-loop"
		for _, n := range sh.hits {
			total += n
		}
	}
	return total
}

// Snapshot locks every shard, then releases them all with one (open-coded) defer.
func (c *Counter) Snapshot() int {
	for _, sh := range c.shards {
		sh.mu.Lock()
	}
	defer c.unlockAll()
	total := 0
	for _, sh := range c.shards {
		for _, n := range sh.hits {
			total += n
		}
	}
	return total
}

func (c *Counter) unlockAll() {
	for _, sh := range c.shards {
		sh.mu.Unlock()
	}
}
