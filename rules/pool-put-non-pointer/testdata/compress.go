// Package archive pools compressors: their writers are pointers, and Put of
// a dereferenced writer copies the whole struct into a fresh interface box.
package archive

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"sync"
)

var gzipPool = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

var flatePool sync.Pool

var zlibPool sync.Pool

func compressCopy(w io.Writer, data []byte) {
	zw := gzipPool.Get().(*gzip.Writer)
	zw.Reset(w)
	_, _ = zw.Write(data)
	_ = zw.Close()
	gzipPool.Put(*zw) // want "pool-put-non-pointer"
}

func compress(w io.Writer, data []byte) {
	zw := gzipPool.Get().(*gzip.Writer)
	zw.Reset(w)
	_, _ = zw.Write(data)
	_ = zw.Close()
	gzipPool.Put(zw)
}

func deflate(w io.Writer, data []byte) {
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return
	}
	_, _ = fw.Write(data)
	_ = fw.Close()
	flatePool.Put(*fw) // want "pool-put-non-pointer"
}

func zlibbed(w io.Writer, data []byte) {
	zw := zlib.NewWriter(w)
	_, _ = zw.Write(data)
	_ = zw.Close()
	zlibPool.Put(*zw) // want "pool-put-non-pointer"
}
