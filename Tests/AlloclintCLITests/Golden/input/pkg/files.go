// Package pkg is the input of the reporters' golden files: findings after non-ASCII text,
// several rules, and a second file of the same package.
package pkg

import "os"

// Größe sums file sizes — the identifier and this comment are not ASCII on purpose.
func Größe(paths []string) (total int64) {
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		/* ü */ defer f.Close()
		info, _ := f.Stat()
		total += info.Size()
	}
	return total
}
