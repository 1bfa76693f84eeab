// Package archive reuses the name of a put-back buffer for other values.
package archive

import (
	"bytes"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Inner declares a new buf in an inner scope after the Put.
func Inner(dst io.Writer, parts [][]byte) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(parts[0])
	_, _ = dst.Write(buf.Bytes())
	bufPool.Put(buf)
	for _, p := range parts[1:] {
		buf := bytes.NewBuffer(p)
		_, _ = buf.WriteTo(dst)
	}
	if len(parts) > 2 {
		buf := new(bytes.Buffer)
		buf.WriteString("trailer")
		_, _ = dst.Write(buf.Bytes())
	}
}

// Reassigned gets a fresh buffer after the Put before using the name again.
func Reassigned(dst io.Writer, a, b []byte) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(a)
	_, _ = dst.Write(buf.Bytes())
	bufPool.Put(buf)
	buf = bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(b)
	_, _ = dst.Write(buf.Bytes())
	bufPool.Put(buf)
}

// NewLocal reassigns to a brand-new buffer.
func NewLocal(dst io.Writer, a []byte) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(a)
	bufPool.Put(buf)
	buf = new(bytes.Buffer)
	buf.WriteString("done")
	_, _ = dst.Write(buf.Bytes())
}

// Closure: a func literal with its own parameter named buf.
func Closure(dst io.Writer, a []byte) func(*bytes.Buffer) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Write(a)
	_, _ = dst.Write(buf.Bytes())
	bufPool.Put(buf)
	return func(buf *bytes.Buffer) {
		_, _ = dst.Write(buf.Bytes())
	}
}
