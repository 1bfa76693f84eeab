// Package fanout encodes messages in a loop with a fresh buffer per
// iteration.
package fanout

import (
	"bytes"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Each gets a fresh buffer in every iteration; the Put ends the iteration.
func Each(dst io.Writer, msgs [][]byte) error {
	for _, m := range msgs {
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		buf.Write(m)
		_, err := dst.Write(buf.Bytes())
		bufPool.Put(buf)
		if err != nil {
			return err
		}
	}
	return nil
}

// Refill declares buf outside the loop and gets a new one after every Put.
func Refill(dst io.Writer, msgs [][]byte) error {
	buf := bufPool.Get().(*bytes.Buffer)
	for _, m := range msgs {
		buf.Reset()
		buf.Write(m)
		if _, err := dst.Write(buf.Bytes()); err != nil {
			bufPool.Put(buf)
			return err
		}
		bufPool.Put(buf)
		buf = bufPool.Get().(*bytes.Buffer)
	}
	bufPool.Put(buf)
	return nil
}
