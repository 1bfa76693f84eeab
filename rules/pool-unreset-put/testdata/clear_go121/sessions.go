// Package sessions recycles per-request maps and slices. Go 1.21's clear
// empties a map (a reset) but only zeroes a slice's elements, keeping its
// length (not a reset).
package sessions

import "sync"

var attrPool = sync.Pool{New: func() any { return make(map[string]string, 16) }}

var idsPool = sync.Pool{New: func() any { s := make([]int64, 0, 64); return &s }}

// Attributes fills a pooled map and clears it before the Put: fine.
func Attributes(pairs [][2]string) int {
	m := attrPool.Get().(map[string]string)
	for _, p := range pairs {
		m[p[0]] = p[1]
	}
	n := len(m)
	clear(m)
	attrPool.Put(m)
	return n
}

// IDs appends to a pooled slice and clears it: its length is unchanged, so
// the next user appends after stale (zeroed) elements.
func IDs(ids []int64) int64 {
	sp := idsPool.Get().(*[]int64)
	*sp = append(*sp, ids...)
	var sum int64
	for _, id := range *sp {
		sum += id
	}
	clear(*sp)
	idsPool.Put(sp) // want "pool-unreset-put"
	return sum
}

// IDsTruncated truncates instead: fine.
func IDsTruncated(ids []int64) int64 {
	sp := idsPool.Get().(*[]int64)
	*sp = append(*sp, ids...)
	var sum int64
	for _, id := range *sp {
		sum += id
	}
	*sp = (*sp)[:0]
	idsPool.Put(sp)
	return sum
}

// Scratch takes a slice by value, appends, clears and puts it back.
func Scratch(values []string) int {
	s := scratchPool.Get().([]string)
	s = append(s, values...)
	n := len(s)
	clear(s)
	scratchPool.Put(s) // want "pool-unreset-put"
	return n
}

var scratchPool = sync.Pool{New: func() any { return make([]string, 0, 8) }}
