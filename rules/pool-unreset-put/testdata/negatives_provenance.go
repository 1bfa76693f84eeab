// Package stream puts back values that were not taken from Get in the same
// function: the rule does not know their state, so it stays silent.
package stream

import (
	"bytes"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// acquire hides the Get in another function.
func acquire() *bytes.Buffer {
	return bufPool.Get().(*bytes.Buffer)
}

// release hides the Put in another function.
func release(b *bytes.Buffer) {
	bufPool.Put(b)
}

// Copy gets its buffer from acquire, not from Get.
func Copy(w io.Writer, chunks [][]byte) error {
	buf := acquire()
	for _, c := range chunks {
		buf.Write(c)
	}
	_, err := w.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}

// Seed puts a freshly built buffer, not one from Get.
func Seed(prefix string) {
	buf := new(bytes.Buffer)
	buf.WriteString(prefix)
	bufPool.Put(buf)
}

// Forward writes into a buffer received as a parameter.
func Forward(w io.Writer, buf *bytes.Buffer, tail []byte) error {
	buf.Write(tail)
	_, err := w.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}

// Swap gets one buffer but modifies and puts back another one.
func Swap(w io.Writer, spare *bytes.Buffer, data []byte) error {
	buf := bufPool.Get().(*bytes.Buffer)
	spare.Write(data)
	_, err := w.Write(spare.Bytes())
	bufPool.Put(spare)
	release(buf)
	return err
}
