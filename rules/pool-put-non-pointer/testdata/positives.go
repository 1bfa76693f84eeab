// Package bufcache recycles scratch buffers between requests. Every Put below
// stores a value that is not pointer-shaped, so converting it to `any` for
// sync.Pool.Put allocates a fresh header on every call.
package bufcache

import (
	"io"
	"sync"
)

// frame is a named slice type: still a slice, still boxed on Put.
type frame []byte

// stats is a plain struct value.
type stats struct {
	reads, writes int64
	lastErr       string
}

var scratchPool = sync.Pool{
	New: func() any { return make([]byte, 0, 4096) },
}

var namePool sync.Pool

var digestPool = &sync.Pool{}

var framePool = new(sync.Pool)

var statsPool sync.Pool

// ReadChunk copies one chunk of r into a pooled buffer.
func ReadChunk(r io.Reader, dst []byte) (int, error) {
	buf := scratchPool.Get().([]byte)
	buf = buf[:cap(buf)]
	n, err := r.Read(buf)
	copy(dst, buf[:n])
	scratchPool.Put(buf) // want "pool-put-non-pointer"
	return n, err
}

// TrimAndRecycle puts back the emptied slice: b[:0] is still a slice.
func TrimAndRecycle(buf []byte) {
	scratchPool.Put(buf[:0]) // want "pool-put-non-pointer"
}

// InternName caches a computed name string.
func InternName(first, last string) string {
	full := first + " " + last
	namePool.Put(full) // want "pool-put-non-pointer"
	return full
}

// RecycleDigest stores a fixed-size array value.
func RecycleDigest(sum []byte) {
	var digest [32]byte
	copy(digest[:], sum)
	digestPool.Put(digest) // want "pool-put-non-pointer"
}

// RecycleFrame stores a value of a named slice type.
func RecycleFrame(payload []byte) {
	f := frame(payload)
	framePool.Put(f) // want "pool-put-non-pointer"
}

// RecordStats stores a struct value (not a pointer to it).
func RecordStats(reads, writes int64) {
	var s stats
	s.reads = reads
	s.writes = writes
	statsPool.Put(s) // want "pool-put-non-pointer"
}

// RecordFailure stores a struct value built from a composite literal variable.
func RecordFailure(err error) {
	s := stats{lastErr: err.Error()}
	statsPool.Put(s) // want "pool-put-non-pointer"
}

// localPools uses pools that live in local variables.
func localPools(lines []string) int {
	var linePool sync.Pool
	tmp := &sync.Pool{}
	total := 0
	for _, line := range lines {
		b := []byte(line)
		total += len(b)
		linePool.Put(b)              // want "pool-put-non-pointer"
		tmp.Put(line)                // want "pool-put-non-pointer"
		tmp.Put(make([]byte, 0, 64)) // want "pool-put-non-pointer"
	}
	return total
}
