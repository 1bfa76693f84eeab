package pkg

import (
	"bytes"
	"sync"
)

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Grüße builds a greeting in a pooled buffer and returns its memory after the Put: the finding
// links to the Put as a related location.
func Grüße(name string) []byte {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString("¡Hola, " + name)
	line := b.Bytes()
	/* ü */ buffers.Put(b)
	return line
}
