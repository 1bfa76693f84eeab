// Package server keeps its pools in struct fields: by value, by pointer and
// embedded. The selector forms s.pool.Put, h.bufs.Put and the promoted
// method of an embedded sync.Pool are all sync.Pool.Put.
package server

import (
	"net/http"
	"sync"
)

type Server struct {
	pool    sync.Pool
	headers *sync.Pool
}

type Handler struct {
	bufs  *sync.Pool
	names sync.Pool
}

// lineCache embeds sync.Pool, so c.Put is sync.Pool.Put.
type lineCache struct {
	sync.Pool
	hits int
}

type metrics struct {
	served  int
	dropped int
}

func (s *Server) release(buf []byte) {
	s.pool.Put(buf) // want "pool-put-non-pointer"
}

func (s *Server) releaseHeader(line string) {
	s.headers.Put(line) // want "pool-put-non-pointer"
}

func (s *Server) snapshot(m metrics) {
	s.headers.Put(m) // want "pool-put-non-pointer"
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body := make([]byte, 0, 512)
	body = append(body, "ok\n"...)
	_, _ = w.Write(body)
	h.bufs.Put(body) // want "pool-put-non-pointer"
	name := r.Method + " " + r.URL.Path
	h.names.Put(name) // want "pool-put-non-pointer"
}

func (c *lineCache) keep(line []byte) {
	c.hits++
	c.Put(line) // want "pool-put-non-pointer"
}

func (c *lineCache) keepExplicit(line []byte) {
	c.Pool.Put(line[:0]) // want "pool-put-non-pointer"
}

// registry holds a pointer to a struct with pool fields.
type registry struct {
	srv *Server
}

func (r *registry) recycle(scratch []byte) {
	r.srv.pool.Put(scratch) // want "pool-put-non-pointer"
}
