// Package wire encodes frames in pooled buffers and always resets them
// somewhere between Get and Put: no finding.
package wire

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"
)

type frameHeader struct {
	kind   byte
	length uint32
	flags  []string
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var bytesPool = sync.Pool{New: func() any { return make([]byte, 0, 256) }}

var slicePtrPool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

var headerPool = sync.Pool{New: func() any { return new(frameHeader) }}

var gzipPool = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// ResetFirst is the canonical idiom: Get, Reset, write, Put.
func ResetFirst(w io.Writer, payload []byte) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(payload)
	_, err := w.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}

// ResetLast writes first and resets right before the Put.
func ResetLast(w io.Writer, payload []byte) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Write(payload)
	_, err := w.Write(buf.Bytes())
	buf.Reset()
	bufPool.Put(buf)
	return err
}

// TruncateSlice re-slices to zero length before appending.
func TruncateSlice(w io.Writer, payload []byte) error {
	b := bytesPool.Get().([]byte)
	b = b[:0]
	b = append(b, payload...)
	_, err := w.Write(b)
	bytesPool.Put(b)
	return err
}

// PutTruncated puts back b[:0].
func PutTruncated(w io.Writer, payload []byte) error {
	b := bytesPool.Get().([]byte)
	b = append(b, payload...)
	_, err := w.Write(b)
	bytesPool.Put(b[:0])
	return err
}

// AppendToEmpty appends to b[:0], which starts from an empty slice.
func AppendToEmpty(w io.Writer, payload []byte) error {
	b := bytesPool.Get().([]byte)
	b = append(b[:0], payload...)
	_, err := w.Write(b)
	bytesPool.Put(b)
	return err
}

// ZeroStruct clears the struct through the pointer.
func ZeroStruct(w io.Writer, kind byte, n uint32) error {
	h := headerPool.Get().(*frameHeader)
	h.kind = kind
	h.length = n
	_, err := w.Write([]byte{h.kind})
	*h = frameHeader{}
	headerPool.Put(h)
	return err
}

// PointerSliceReset truncates through the pointer.
func PointerSliceReset(w io.Writer, payload []byte) error {
	bp := slicePtrPool.Get().(*[]byte)
	*bp = append(*bp, payload...)
	_, err := w.Write(*bp)
	*bp = (*bp)[:0]
	slicePtrPool.Put(bp)
	return err
}

// Compress resets the gzip writer onto the destination before writing.
func Compress(dst io.Writer, payload []byte) error {
	zw := gzipPool.Get().(*gzip.Writer)
	zw.Reset(dst)
	if _, err := zw.Write(payload); err != nil {
		return err
	}
	err := zw.Close()
	gzipPool.Put(zw)
	return err
}

// ReadOnly takes a value and only reads it: nothing to reset.
func ReadOnly() int {
	buf := bufPool.Get().(*bytes.Buffer)
	n := buf.Len()
	bufPool.Put(buf)
	return n
}
