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

// EmitDeferredReset resets inside the deferred closure, right before the Put: fine.
func EmitDeferredReset(w io.Writer, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		recordPool.Put(buf)
	}()
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitDeferredLateReset resets in the deferred closure only after the Put: too late.
func EmitDeferredLateReset(w io.Writer, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer func() {
		recordPool.Put(buf) // want "pool-unreset-put"
		buf.Reset()
	}()
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitDeferredOtherReset resets another buffer in the closure: this one goes back unreset.
func EmitDeferredOtherReset(w io.Writer, other *bytes.Buffer, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer func() {
		other.Reset()
		recordPool.Put(buf) // want "pool-unreset-put"
	}()
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitResetDeferredAfter defers the reset after the Put: deferred calls run last registered
// first, so the buffer is reset before it goes back. Fine.
func EmitResetDeferredAfter(w io.Writer, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer recordPool.Put(buf)
	defer buf.Reset()
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitResetDeferredClosureAfter: the same with the reset in a deferred closure. Fine.
func EmitResetDeferredClosureAfter(w io.Writer, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer recordPool.Put(buf)
	defer func() { buf.Reset() }()
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitResetDeferredBefore defers the reset first: it runs after the Put, too late.
func EmitResetDeferredBefore(w io.Writer, msg string) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer buf.Reset()
	defer recordPool.Put(buf) // want "pool-unreset-put"
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// EmitResetDeferredOnOneBranch registers the reset on one branch only: on the other the
// buffer goes back unreset.
func EmitResetDeferredOnOneBranch(w io.Writer, msg string, short bool) error {
	buf := recordPool.Get().(*bytes.Buffer)
	defer recordPool.Put(buf) // want "pool-unreset-put"
	if short {
		defer buf.Reset()
	}
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}
