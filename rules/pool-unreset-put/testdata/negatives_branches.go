// Package batch flushes batches of events; the reset happens on every path,
// or at least somewhere between the Get and the Put.
package batch

import (
	"bytes"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// EveryPath resets on both branches.
func EveryPath(w io.Writer, events []string, compact bool) error {
	buf := bufPool.Get().(*bytes.Buffer)
	if compact {
		buf.Reset()
		for _, e := range events {
			buf.WriteString(e)
		}
	} else {
		buf.Reset()
		for _, e := range events {
			buf.WriteString(e)
			buf.WriteByte('\n')
		}
	}
	_, err := w.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}

// OneBranch resets only when the buffer grew too large. SPEC: "no reset
// anywhere between the Get and the Put" — there is one, so no finding.
func OneBranch(w io.Writer, events []string) error {
	buf := bufPool.Get().(*bytes.Buffer)
	if buf.Len() > 0 {
		buf.Reset()
	}
	for _, e := range events {
		buf.WriteString(e)
	}
	_, err := w.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}

// InLoop gets, resets, writes and puts once per event.
func InLoop(w io.Writer, events []string) error {
	for _, e := range events {
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		buf.WriteString(e)
		if _, err := w.Write(buf.Bytes()); err != nil {
			bufPool.Put(buf)
			return err
		}
		bufPool.Put(buf)
	}
	return nil
}

// ErrorPath puts the buffer back before writing anything.
func ErrorPath(w io.Writer, events []string) error {
	buf := bufPool.Get().(*bytes.Buffer)
	if len(events) == 0 {
		bufPool.Put(buf)
		return io.ErrShortWrite
	}
	buf.Reset()
	for _, e := range events {
		buf.WriteString(e)
	}
	_, err := w.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}
