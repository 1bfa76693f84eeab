// Package render builds HTTP responses in pooled buffers. Each function takes
// a value from Get, writes into it and puts it back without any reset: the
// next Get returns a buffer that still holds this request's bytes.
package render

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
)

type headerSet struct {
	contentType string
	status      int
	extra       []string
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var scratchPool = sync.Pool{New: func() any { return make([]byte, 0, 512) }}

var linePool = sync.Pool{New: func() any { b := make([]byte, 0, 128); return &b }}

var headerPool = &sync.Pool{New: func() any { return new(headerSet) }}

// WriteJSON writes through Write* methods and puts the buffer back dirty.
func WriteJSON(w http.ResponseWriter, body []byte) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(`{"data":`)
	buf.Write(body)
	buf.WriteByte('}')
	_, _ = w.Write(buf.Bytes())
	bufPool.Put(buf) // want "pool-unreset-put"
}

// AppendStatus appends to a pooled slice.
func AppendStatus(w http.ResponseWriter, code int) {
	b := scratchPool.Get().([]byte)
	b = append(b, "status="...)
	b = strconv.AppendInt(b, int64(code), 10)
	_, _ = w.Write(b)
	scratchPool.Put(b) // want "pool-unreset-put"
}

// AppendLine appends through a pointer to a slice.
func AppendLine(w http.ResponseWriter, line string) {
	lp := linePool.Get().(*[]byte)
	*lp = append(*lp, line...)
	*lp = append(*lp, '\n')
	_, _ = w.Write(*lp)
	linePool.Put(lp) // want "pool-unreset-put"
}

// SetHeaders sets fields of a pooled struct and never clears them.
func SetHeaders(w http.ResponseWriter, status int) {
	h := headerPool.Get().(*headerSet)
	h.contentType = "application/json"
	h.status = status
	w.Header().Set("Content-Type", h.contentType)
	w.WriteHeader(h.status)
	headerPool.Put(h) // want "pool-unreset-put"
}

// ResetsTheWrongBuffer resets another buffer, not the pooled one.
func ResetsTheWrongBuffer(w http.ResponseWriter, other *bytes.Buffer, msg string) {
	buf := bufPool.Get().(*bytes.Buffer)
	other.Reset()
	buf.WriteString(msg)
	_, _ = w.Write(buf.Bytes())
	bufPool.Put(buf) // want "pool-unreset-put"
}

// EarlyExit: the first Put happens before anything is written (fine); the
// second one follows the writes without a reset.
func EarlyExit(w http.ResponseWriter, parts []string) {
	buf := bufPool.Get().(*bytes.Buffer)
	if len(parts) == 0 {
		bufPool.Put(buf)
		return
	}
	for _, p := range parts {
		buf.WriteString(p)
	}
	_, _ = w.Write(buf.Bytes())
	bufPool.Put(buf) // want "pool-unreset-put"
}

// PerMessage gets and puts once per iteration, never resetting.
func PerMessage(w http.ResponseWriter, msgs [][]byte) {
	for _, m := range msgs {
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Write(m)
		_, _ = w.Write(buf.Bytes())
		bufPool.Put(buf) // want "pool-unreset-put"
	}
}
