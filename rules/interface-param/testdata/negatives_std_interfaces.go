// Package store implements standard interfaces whose method signatures take
// any: database/sql.Scanner, container/heap.Interface and encoder/decoder
// shapes. The signature is dictated by the interface, not a choice.
package store

import (
	"container/heap"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
)

// NullJSON scans a JSON column.
type NullJSON struct {
	Raw   []byte
	Valid bool
}

var _ sql.Scanner = (*NullJSON)(nil)

// Scan implements sql.Scanner.
func (n *NullJSON) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		n.Raw, n.Valid = nil, false
	case []byte:
		n.Raw, n.Valid = append(n.Raw[:0], v...), true
	case string:
		n.Raw, n.Valid = []byte(v), true
	default:
		return errors.New("store: unsupported type")
	}
	return nil
}

// LegacyTime scans with the older spelling.
type LegacyTime struct{ unix int64 }

func (t *LegacyTime) Scan(src interface{}) error {
	if v, ok := src.(int64); ok {
		t.unix = v
		return nil
	}
	return errors.New("store: not an int64")
}

// jobQueue implements heap.Interface.
type jobQueue []*job

type job struct {
	id       int
	priority int
}

var _ heap.Interface = (*jobQueue)(nil)

func (q jobQueue) Len() int           { return len(q) }
func (q jobQueue) Less(i, j int) bool { return q[i].priority > q[j].priority }
func (q jobQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *jobQueue) Push(x any)        { *q = append(*q, x.(*job)) }
func (q *jobQueue) Pop() any          { old := *q; n := len(old); j := old[n-1]; *q = old[:n-1]; return j }

// Codec has Encode/Decode methods shaped like json.Encoder/Decoder.
type Codec struct {
	enc *json.Encoder
	dec *json.Decoder
}

func NewCodec(rw io.ReadWriter) *Codec {
	return &Codec{enc: json.NewEncoder(rw), dec: json.NewDecoder(rw)}
}

func (c *Codec) Encode(v any) error { return c.enc.Encode(v) }

func (c *Codec) Decode(v any) error { return c.dec.Decode(v) }
