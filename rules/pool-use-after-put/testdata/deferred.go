// Package encode returns encoded output while a deferred Put hands the
// buffer back to the pool: the caller gets memory that the pool reuses.
package encode

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var scratchPool = sync.Pool{New: func() any { return make([]byte, 0, 1024) }}

// JSON returns the pooled buffer's bytes.
func JSON(v any) ([]byte, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // want "pool-use-after-put"
}

// Buffer returns the pooled buffer itself.
func Buffer(v any) *bytes.Buffer {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	_ = json.NewEncoder(buf).Encode(v)
	return buf // want "pool-use-after-put"
}

// Raw returns the pooled slice itself.
func Raw(r io.Reader) ([]byte, error) {
	b := scratchPool.Get().([]byte)
	defer scratchPool.Put(b)
	_, err := io.ReadFull(r, b[:cap(b)])
	return b, err // want "pool-use-after-put"
}

// Prefix returns a re-slice of the pooled slice.
func Prefix(r io.Reader, n int) []byte {
	b := scratchPool.Get().([]byte)
	defer scratchPool.Put(b)
	m, _ := r.Read(b[:cap(b)])
	if m < n {
		n = m
	}
	return b[:n] // want "pool-use-after-put"
}

// Stream hands the buffer to a goroutine while the Put is deferred: the
// function may return (and Put) while the goroutine still writes.
func Stream(w io.Writer, v any) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return err
	}
	go func() { _, _ = w.Write(buf.Bytes()) }() // want "pool-use-after-put"
	return nil
}

// String copies: string(b) and buf.String() are fine with a deferred Put.
func String(v any) (string, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func QuoteString(s string) string {
	b := scratchPool.Get().([]byte)
	defer scratchPool.Put(b)
	b = append(b[:0], '"')
	b = append(b, s...)
	b = append(b, '"')
	return string(b)
}

// Size returns a length computed from the buffer, not the buffer.
func Size(v any) int {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	_ = json.NewEncoder(buf).Encode(v)
	return buf.Len()
}

// Clone returns a copy of the bytes.
func Clone(v any) []byte {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	_ = json.NewEncoder(buf).Encode(v)
	return append([]byte(nil), buf.Bytes()...)
}

// WriteTo writes the bytes out before returning: fine.
func WriteTo(w io.Writer, v any) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Wait: the goroutine finishes before the (non-deferred) Put.
func Wait(w io.Writer, v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	_ = json.NewEncoder(buf).Encode(v)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _ = w.Write(buf.Bytes())
	}()
	wg.Wait()
	bufPool.Put(buf)
}

var messagePool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// Send defers the Put of the slice's address, then hands the slice to a
// goroutine that may still read it after the function returned and put it back.
func Send(w io.Writer, msg string) {
	b := *messagePool.Get().(*[]byte)
	b = append(b[:0], msg...)
	defer messagePool.Put(&b)
	go func() { _, _ = w.Write(b) }() // want "pool-use-after-put"
}
