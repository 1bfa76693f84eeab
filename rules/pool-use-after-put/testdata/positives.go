// Package proxy copies request bodies through pooled buffers. Each function
// keeps using the buffer after handing it back to the pool, where another
// goroutine may already be writing into it.
package proxy

import (
	"bytes"
	"io"
	"log"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var chunkPool = sync.Pool{New: func() any { b := make([]byte, 32*1024); return &b }}

// Relay logs the size after the Put: only the first use is reported.
func Relay(dst io.Writer, src io.Reader) (int, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	if _, err := buf.ReadFrom(src); err != nil {
		bufPool.Put(buf)
		return 0, err
	}
	_, err := dst.Write(buf.Bytes())
	bufPool.Put(buf)
	log.Printf("relayed %d bytes", buf.Len()) // want "pool-use-after-put"
	return buf.Len(), err
}

// Pump reads into a pooled chunk, puts it back, then writes from it.
func Pump(dst io.Writer, src io.Reader) error {
	cp := chunkPool.Get().(*[]byte)
	n, err := src.Read(*cp)
	chunkPool.Put(cp)
	if err != nil {
		return err
	}
	_, err = dst.Write((*cp)[:n]) // want "pool-use-after-put"
	return err
}

// Twice puts the buffer back, uses it, is reassigned, and uses the new one.
func Twice(dst io.Writer, a, b []byte) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(a)
	bufPool.Put(buf)
	buf.Write(b) // want "pool-use-after-put"
	buf = bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(b)
	_, _ = dst.Write(buf.Bytes())
	bufPool.Put(buf)
}

// Handler is a server that keeps its pool in a field.
type Handler struct {
	bufs *sync.Pool
	out  io.Writer
}

func (h *Handler) Handle(msg []byte) {
	buf := h.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(msg)
	h.bufs.Put(buf)
	h.out.Write(buf.Bytes()) // want "pool-use-after-put"
}

// AfterBranch puts on every path of an if/else, then uses the buffer.
func AfterBranch(dst io.Writer, msg []byte, urgent bool) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(msg)
	if urgent {
		_, _ = dst.Write(buf.Bytes())
		bufPool.Put(buf)
	} else {
		bufPool.Put(buf)
	}
	buf.Reset() // want "pool-use-after-put"
}
