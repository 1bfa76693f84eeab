package metrics

import (
	"io"
	"strconv"
)

// writeSample formats one sample and recycles the line.
func writeSample(w io.Writer, s sample) error {
	line := make([]byte, 0, 64)
	line = append(line, s.name...)
	line = append(line, ' ')
	line = strconv.AppendFloat(line, s.value, 'g', -1, 64)
	_, err := w.Write(line)
	linePool.Put(line) // want "pool-put-non-pointer"
	return err
}

// keepSample puts a struct value declared in the other file.
func keepSample(s sample) {
	linePool.Put(s) // want "pool-put-non-pointer"
}

// labels recycles a pointer to a slice: fine.
func labels(names []string) int {
	lp := labelPool.Get().(*[]string)
	*lp = append((*lp)[:0], names...)
	n := len(*lp)
	labelPool.Put(lp)
	return n
}
