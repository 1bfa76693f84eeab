// Package logfmt formats log records in pooled buffers released by a
// deferred Put. The deferred Put runs after every write of the function.
package logfmt

import (
	"bytes"
	"io"
	"sync"
)

var recordPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Emit defers the Put and writes after it without a reset: the buffer goes
// back to the pool holding this record.
func Emit(w io.Writer, level, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer recordPool.Put(buf) // want "pool-unreset-put"
	buf.WriteString(level)
	buf.WriteByte(' ')
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitClean resets right after Get, then defers the Put: fine.
func EmitClean(w io.Writer, level, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer recordPool.Put(buf)
	buf.WriteString(level)
	buf.WriteByte(' ')
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}
