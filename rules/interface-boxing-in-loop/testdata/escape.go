// Package numbers calls functions of its own package whose any parameters
// only inspect the value (the compiler keeps the box on the stack: no
// finding) or let it escape; boxes values under a constant-false debug flag
// (deleted code), explicit conversions to any, composite literals (copied
// even when made of constants), and structs with fields of unknown types.
package numbers

import (
	"fmt"
	"strconv"
	"time"
)

const debug = false

const verbose = !debug

type pair struct {
	key   string
	value int
}

// sample has a field of a type declared elsewhere: it still takes two words.
type sample struct {
	at    time.Time
	value float64
}

// toFloat only type-switches on its parameter: it does not escape.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// isZero only compares and asserts to value types.
func isZero(v any) bool {
	if v == nil {
		return true
	}
	n, ok := v.(int)
	return ok && n == 0
}

// count only measures its variadic parameter.
func count(vs ...any) int { return len(vs) }

// describe passes the value on in a default clause: it escapes.
func describe(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	default:
		return fmt.Sprint(x)
	}
}

// trace prints only under a constant-false debug flag: nothing escapes.
func trace(format string, args ...any) {
	if debug {
		fmt.Printf(format, args...)
	}
}

func Sum(xs []int, names []string, pairs []pair, samples []sample) float64 {
	total := 0.0
	for i, x := range xs {
		total += toFloat(x)
		if isZero(x) || count(x, i) > 2 {
			continue
		}
		trace("%d\n", x)
		if debug {
			fmt.Println(x)
		}
		if !verbose {
			fmt.Println(i)
		} else {
			fmt.Println(i) // want "interface-boxing-in-loop"
		}
		_ = describe(x)                    // want "interface-boxing-in-loop"
		fmt.Println(pair{"k", 1})          // want "interface-boxing-in-loop"
		fmt.Println(pair{"k", x})          // want "interface-boxing-in-loop"
		fmt.Println(interface{}(int64(x))) // want "interface-boxing-in-loop"
		fmt.Println(any(x), any(&x))       // want "interface-boxing-in-loop"
	}
	for i := range pairs {
		fmt.Println(pairs[i])   // want "interface-boxing-in-loop"
		fmt.Println(samples[i]) // want "interface-boxing-in-loop"
	}
	for _, n := range names {
		fmt.Println(n + "!") // want "interface-boxing-in-loop"
		fmt.Println(len(n))  // want "interface-boxing-in-loop"
	}
	return total
}
