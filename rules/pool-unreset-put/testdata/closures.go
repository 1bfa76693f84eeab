// A Put inside a func literal held in a local variable (`release := func() { … }`) happens
// where the literal is called, or at return when the call is deferred; the literal's own
// calls (a reset before the Put) count in order. Only a variable never reassigned is followed.
package closures

import (
	"bytes"
	"errors"
	"sync"
)

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Called on an early return, after writes, with no reset anywhere (a public SVG sanitizer has
// this shape, with its reset after the Get).
func render(parts []string) ([]byte, func(), error) {
	buf := pool.Get().(*bytes.Buffer)
	release := func() {
		pool.Put(buf) // want "pool-unreset-put"
	}
	for _, p := range parts {
		if p == "" {
			release()
			return nil, nil, errors.New("empty part")
		}
		buf.WriteString(p)
	}
	return buf.Bytes(), release, nil
}

func renderDeferred(parts []string) int {
	buf := pool.Get().(*bytes.Buffer)
	release := func() { pool.Put(buf) } // want "pool-unreset-put"
	defer release()
	for _, p := range parts {
		buf.WriteString(p)
	}
	return buf.Len()
}

// Negative: the closure resets before its Put.
func renderResetInClosure(parts []string) []byte {
	buf := pool.Get().(*bytes.Buffer)
	release := func() {
		buf.Reset()
		pool.Put(buf)
	}
	defer release()
	for _, p := range parts {
		buf.WriteString(p)
	}
	return append([]byte(nil), buf.Bytes()...)
}

// Negative: reset right after the Get.
func renderResetAfterGet(parts []string) int {
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	release := func() { pool.Put(buf) }
	for _, p := range parts {
		buf.WriteString(p)
	}
	n := buf.Len()
	release()
	return n
}

// Negative (silent): the variable is reassigned, so which literal a call runs is not known.
func renderReassigned(parts []string) int {
	buf := pool.Get().(*bytes.Buffer)
	release := func() { pool.Put(buf) }
	if len(parts) > 3 {
		release = func() {}
	}
	for _, p := range parts {
		buf.WriteString(p)
	}
	n := buf.Len()
	release()
	return n
}

// Negative (silent): the closure is handed out, never called here.
func renderHandedOut(parts []string) ([]byte, func()) {
	buf := pool.Get().(*bytes.Buffer)
	for _, p := range parts {
		buf.WriteString(p)
	}
	return buf.Bytes(), func() { pool.Put(buf) }
}
