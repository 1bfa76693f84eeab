package bufpool

import (
	"bytes"
	"strconv"
	"sync"
)

// ---------------------------------------------------------------------------------------
// Pooling byte slices.
//
// A []byte is a three-word slice header. Converting it to the pool's `any` copies the header
// into a fresh heap allocation on every Put, which is exactly the garbage the pool was meant
// to avoid. Pool a *[]byte instead.
// ---------------------------------------------------------------------------------------

var slabs = sync.Pool{
	New: func() any { return make([]byte, 0, 512) },
}

// QuoteBoxed quotes s using a pooled []byte stored by value.
func QuoteBoxed(s string) string {
	b := slabs.Get().([]byte)
	b = b[:0]
	b = strconv.AppendQuote(b, s)
	out := string(b)
	slabs.Put(b) // want "pool-put-non-pointer"
	return out
}

var slabPtrs = sync.Pool{
	New: func() any {
		b := make([]byte, 0, 512)
		return &b
	},
}

// Quote quotes s using a pooled *[]byte: Get and Put move a pointer, nothing is boxed.
func Quote(s string) string {
	bp := slabPtrs.Get().(*[]byte)
	b := strconv.AppendQuote((*bp)[:0], s)
	out := string(b)
	*bp = b[:0] // keep the (possibly grown) array for the next user, emptied
	slabPtrs.Put(bp)
	return out
}

// ---------------------------------------------------------------------------------------
// Forgetting to reset.
//
// A buffer put back without a Reset keeps its contents: the next Get appends to the
// previous response, and the buffer grows forever.
// ---------------------------------------------------------------------------------------

// GreetingDirty writes into a pooled buffer and puts it back dirty.
func GreetingDirty(name string) string {
	b := pool.Get().(*bytes.Buffer)
	b.WriteString("Hello, ")
	b.WriteString(name)
	out := b.String()
	pool.Put(b) // want "pool-unreset-put"
	return out
}

// Greeting follows the idiom: Get, Reset, write, Put.
func Greeting(name string) string {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString("Hello, ")
	b.WriteString(name)
	out := b.String() // String copies: safe to return after the Put
	pool.Put(b)
	return out
}

// ChecksumLineDirty appends to a pooled buffer that may still hold another caller's bytes.
func ChecksumLineDirty(name string, sum uint32) string {
	b := pool.Get().(*bytes.Buffer)
	b.WriteString(name)
	b.WriteByte(' ')
	b.WriteString(strconv.FormatUint(uint64(sum), 16))
	line := b.String()
	pool.Put(b) // want "pool-unreset-put"
	return line
}

// ---------------------------------------------------------------------------------------
// Using a buffer after giving it back.
//
// b.Bytes() aliases the buffer's memory. Once the buffer is back in the pool, another
// goroutine may Get it and overwrite those bytes while the caller still reads them.
// ---------------------------------------------------------------------------------------

// HeaderAliased returns a slice of a buffer that is already back in the pool.
func HeaderAliased(name, value string) []byte {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString(name)
	b.WriteString(": ")
	b.WriteString(value)
	line := b.Bytes()
	pool.Put(b)
	return line // want "pool-use-after-put"
}

// HeaderDeferred puts the buffer back with a defer that runs before the caller sees the
// result.
func HeaderDeferred(name, value string) []byte {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	defer pool.Put(b)
	b.WriteString(name)
	b.WriteString(": ")
	b.WriteString(value)
	return b.Bytes() // want "pool-use-after-put"
}

// Header copies the bytes out before the Put.
func Header(name, value string) []byte {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString(name)
	b.WriteString(": ")
	b.WriteString(value)
	line := make([]byte, b.Len())
	copy(line, b.Bytes())
	pool.Put(b)
	return line
}
