// Package ingest validates uploads; the Put on one branch does not taint the
// other branch, and a branch that returns after its Put taints nothing.
package ingest

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var errTooLarge = errors.New("upload too large")

// Upload puts on the error branch and returns; the rest is untainted.
func Upload(dst io.Writer, src io.Reader, limit int64) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	n, err := buf.ReadFrom(io.LimitReader(src, limit+1))
	if err != nil || n > limit {
		bufPool.Put(buf)
		if err == nil {
			err = errTooLarge
		}
		return err
	}
	_, err = dst.Write(buf.Bytes())
	bufPool.Put(buf)
	return err
}

// Choose puts on one branch and uses on the other.
func Choose(dst io.Writer, msg []byte, drop bool) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(msg)
	if drop {
		bufPool.Put(buf)
	} else {
		_, _ = dst.Write(buf.Bytes())
		bufPool.Put(buf)
	}
}

// Switch puts in each case after its own use.
func Switch(dst io.Writer, msg []byte, mode int) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	switch mode {
	case 0:
		bufPool.Put(buf)
	case 1:
		buf.Write(msg)
		_, _ = dst.Write(buf.Bytes())
		bufPool.Put(buf)
	default:
		buf.WriteString("?")
		_, _ = dst.Write(buf.Bytes())
		bufPool.Put(buf)
	}
}

// BeforeOnly uses the buffer only before the Put.
func BeforeOnly(dst io.Writer, msg []byte) int {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(msg)
	n := buf.Len()
	_, _ = dst.Write(buf.Bytes())
	bufPool.Put(buf)
	return n
}
