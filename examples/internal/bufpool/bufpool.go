// Package bufpool recycles the buffers that responses are rendered into.
//
// The pool stores *bytes.Buffer: a pointer fits in an interface value as it is, so neither
// Get nor Put allocates. Get hands out a buffer that has been Reset, so callers never see the
// previous user's bytes.
package bufpool

import (
	"bytes"
	"sync"
)

// maxRetained caps the size of the buffers kept for reuse: holding on to every huge buffer
// would turn the pool into a memory leak.
const maxRetained = 64 << 10

var pool = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

// Get returns an empty buffer.
func Get() *bytes.Buffer {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// Put hands b back for reuse. The caller must not use b, or anything obtained from
// b.Bytes(), afterwards.
func Put(b *bytes.Buffer) {
	if b.Cap() > maxRetained {
		return
	}
	pool.Put(b)
}
