// Package spool has types with a Put method that are not sync.Pool, and
// names that shadow a package-level pool.
package spool

import (
	"sync"
)

// ring is a fixed-capacity buffer ring with its own Put method.
type ring struct {
	slots [][]byte
	next  int
}

func (r *ring) Put(b []byte) {
	r.slots[r.next%len(r.slots)] = b
	r.next++
}

// Pool is a local type that happens to be called Pool.
type Pool struct {
	free []string
}

func (p *Pool) Put(s string) { p.free = append(p.free, s) }

var bufPool sync.Pool

var names Pool

func recycle(r *ring, chunk []byte) {
	r.Put(chunk)
}

func recycleName(n string) {
	names.Put(n)
	var local Pool
	local.Put(n)
}

// The parameter bufPool shadows the package-level sync.Pool.
func drain(bufPool *ring, chunks [][]byte) {
	for _, c := range chunks {
		bufPool.Put(c)
	}
}

// A local variable shadows it too.
func flush(chunks [][]byte) {
	bufPool := &ring{slots: make([][]byte, 8)}
	for _, c := range chunks {
		bufPool.Put(c[:0])
	}
}

// After the inner scope ends, bufPool is the sync.Pool again.
func mixed(chunk []byte) {
	{
		bufPool := &ring{slots: make([][]byte, 1)}
		bufPool.Put(chunk)
	}
	bufPool.Put(chunk) // want "pool-put-non-pointer"
}
