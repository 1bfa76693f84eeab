// Package archive keeps pooled compressors and buffers in struct fields and
// puts them back through the field: `pool.Put(w.enc)`. The field still holds
// the value afterwards, so reading it again is a use after the Put until the
// field is reassigned.
package archive

import (
	"bytes"
	"sync"
)

type encoder struct {
	buf   bytes.Buffer
	level int
}

func (e *encoder) Close() error { return nil }

var encoderPool sync.Pool

var scratchPool = sync.Pool{New: func() any { b := make([]byte, 512); return &b }}

var donePool = sync.Pool{New: func() any { return make(chan error, 1) }}

type writer struct {
	enc     *encoder
	scratch *[]byte
	level   int
}

type request struct {
	done chan error
}

// Close puts the encoder back, then closes it.
func (w *writer) Close() error {
	encoderPool.Put(w.enc)
	err := w.enc.Close() // want "pool-use-after-put"
	w.enc = nil
	return err
}

// Release reads the scratch buffer's length after putting it back.
func (w *writer) Release() int {
	scratchPool.Put(w.scratch)
	return len(*w.scratch) // want "pool-use-after-put"
}

// Wait puts the channel back and still receives from it.
func Wait(r *request) error {
	donePool.Put(r.done)
	return <-r.done // want "pool-use-after-put"
}

// Level writes into the put-back encoder through the field.
func (w *writer) Level(level int) {
	encoderPool.Put(w.enc)
	w.enc.level = level // want "pool-use-after-put"
}

// Branch puts back on one branch only and uses it on the same path.
func (w *writer) Branch(flush bool) int {
	if flush {
		encoderPool.Put(w.enc)
	}
	return w.enc.level // want "pool-use-after-put"
}
