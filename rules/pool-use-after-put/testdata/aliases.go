// Package scanner splits records out of pooled buffers. The aliases taken
// before the Put (Bytes(), re-slices) share the pooled memory and are used
// after it.
package scanner

import (
	"bytes"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var linePool = sync.Pool{New: func() any { return make([]byte, 0, 256) }}

// Record is one parsed record; Key aliases pooled memory.
type Record struct {
	Key []byte
}

// ReadAll returns bytes that belong to the pooled buffer.
func ReadAll(r io.Reader) ([]byte, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	_, err := buf.ReadFrom(r)
	data := buf.Bytes()
	bufPool.Put(buf)
	return data, err // want "pool-use-after-put"
}

// Header keeps a prefix of the pooled slice.
func Header(r io.Reader, n int) ([]byte, error) {
	line := linePool.Get().([]byte)
	line = line[:cap(line)]
	m, err := r.Read(line)
	if m < n {
		n = m
	}
	head := line[:n]
	linePool.Put(line)
	return head, err // want "pool-use-after-put"
}

// Field keeps a middle part of the pooled slice in a struct.
func Field(r io.Reader, start, end int) (Record, error) {
	line := linePool.Get().([]byte)
	line = line[:cap(line)]
	_, err := r.Read(line)
	key := line[start:end]
	linePool.Put(line)
	rec := Record{Key: key} // want "pool-use-after-put"
	return rec, err
}

// CopyOut copies the alias before the Put: fine.
func CopyOut(r io.Reader) ([]byte, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	_, err := buf.ReadFrom(r)
	data := append([]byte(nil), buf.Bytes()...)
	bufPool.Put(buf)
	return data, err
}

// Text converts to a string before the Put: fine.
func Text(r io.Reader) (string, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	_, err := buf.ReadFrom(r)
	s := buf.String()
	bufPool.Put(buf)
	return s, err
}
