// Package archive2 puts pooled values back through struct fields the way
// archive/zip and os do: the field is cleared right after the Put, or only
// other fields are used.
package archive2

import "sync"

type encoder struct{ level int }

var encoderPool sync.Pool

var scratchPool = sync.Pool{New: func() any { b := make([]byte, 512); return &b }}

type writer struct {
	enc     *encoder
	scratch *[]byte
	level   int
	name    string
	sizes   [4]int
}

// Close clears the field right after the Put.
func (w *writer) Close() {
	if w.enc != nil {
		encoderPool.Put(w.enc)
		w.enc = nil
	}
	if w.enc == nil {
		w.level = 0
	}
}

// Reopen gets a new encoder into the field before using it again.
func (w *writer) Reopen() int {
	encoderPool.Put(w.enc)
	w.enc = encoderPool.Get().(*encoder)
	return w.enc.level
}

// Other fields of the same struct are not the put-back value.
func (w *writer) Other() (int, string) {
	scratchPool.Put(w.scratch)
	w.scratch = nil
	return w.level, w.name
}

// A method that may reassign the field is called in between: silent.
func (w *writer) Reset() {
	encoderPool.Put(w.enc)
	w.init()
	_ = w.enc.level
}

func (w *writer) init() { w.enc = new(encoder) }

// A helper receiving the struct may reassign the field too: silent.
func Recycle(w *writer) int {
	encoderPool.Put(w.enc)
	refill(w)
	return w.enc.level
}

func refill(w *writer) { w.enc = new(encoder) }

// The whole struct variable is reassigned: its fields are new.
func Replace(w writer, next writer) int {
	encoderPool.Put(w.enc)
	w = next
	return w.enc.level
}

// A struct value field (array) is copied by the Put: nothing is shared.
func Copied(w *writer) int {
	encoderPool.Put(w.sizes)
	return w.sizes[0]
}

// The Put happens on the other branch only.
func (w *writer) Either(done bool) int {
	if done {
		encoderPool.Put(w.enc)
		w.enc = nil
		return 0
	}
	return w.enc.level
}
