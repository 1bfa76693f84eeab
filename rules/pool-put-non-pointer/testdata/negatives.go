// Package codec recycles encoders and scratch state. Every Put below stores a
// pointer-shaped value (pointer, map, chan, func) or a value that already is
// an interface: nothing is boxed, so there is no finding.
package codec

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"
)

type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

var bufPool = sync.Pool{
	// New returns a slice converted to any: an allocation, but not a Put.
	New: func() any { return make([]byte, 0, 1024) },
}

var bufferPool = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

var encPool = &sync.Pool{
	New: func() any {
		e := &encoder{}
		e.enc = json.NewEncoder(&e.buf)
		return e
	},
}

var indexPool sync.Pool

var signalPool sync.Pool

var hookPool sync.Pool

var anyPool sync.Pool

func init() {
	// Pre-seeding the pool with pointers.
	for i := 0; i < 4; i++ {
		bufferPool.Put(new(bytes.Buffer))
		encPool.Put(&encoder{})
	}
}

// Marshal uses a *bytes.Buffer taken from the pool.
func Marshal(v any) ([]byte, error) {
	buf := bufferPool.Get().(*bytes.Buffer)
	buf.Reset()
	err := json.NewEncoder(buf).Encode(v)
	out := append([]byte(nil), buf.Bytes()...)
	bufferPool.Put(buf)
	return out, err
}

// Encode uses a pooled *encoder.
func Encode(w io.Writer, v any) error {
	e := encPool.Get().(*encoder)
	defer encPool.Put(e)
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(e.buf.Bytes())
	return err
}

// Scratch stores a pointer to a slice: the SA6002 fix.
func Scratch(n int) int {
	b := make([]byte, 0, n)
	b = append(b, "header"...)
	size := len(b)
	b = b[:0]
	bufPool.Put(&b)
	return size
}

// Index stores a map: maps are pointer-shaped.
func Index(keys []string) int {
	idx := make(map[string]int, len(keys))
	for i, k := range keys {
		idx[k] = i
	}
	n := len(idx)
	indexPool.Put(idx)
	return n
}

// Signals stores a channel.
func Signals() {
	done := make(chan struct{}, 1)
	signalPool.Put(done)
}

// Hooks stores func values.
func Hooks(flush func() error) {
	hookPool.Put(flush)
	var closer func()
	closer = func() {}
	hookPool.Put(closer)
}

// Recycle stores values that already are interfaces.
func Recycle(v any, r io.Reader, err error) {
	anyPool.Put(v)
	anyPool.Put(r)
	anyPool.Put(err)
	anyPool.Put(anyPool.Get())
}

// Struct pointers built in place.
func Fresh() {
	encPool.Put(&encoder{})
	e := new(encoder)
	encPool.Put(e)
}
