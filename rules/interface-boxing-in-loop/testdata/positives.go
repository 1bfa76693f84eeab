// Package worker processes batches and logs inside its loops. Each flagged
// argument is a non-constant value of a concrete type that the runtime must
// copy to the heap to pass it as `any`, once per iteration.
package worker

import (
	"crypto/sha256"
	"fmt"
	"io"
	"log"
)

type point struct{ X, Y int }

var events []any

// track is a function of this package with an any parameter.
func track(name string, v any) {
	events = append(events, name, v)
}

// trackAll is variadic over any.
func trackAll(fields ...any) {
	events = append(events, fields...)
}

func PrintIDs(ids []int) {
	for _, id := range ids {
		fmt.Println(id) // want "interface-boxing-in-loop"
	}
}

func Greet(names []string) []string {
	out := make([]string, 0, len(names))
	for _, name := range names {
		out = append(out, fmt.Sprintf("hello, %s", name)) // want "interface-boxing-in-loop"
	}
	return out
}

func Retry(attempts int, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(); err == nil {
			return nil
		}
		log.Printf("attempt %d failed: %v", i, err) // want "interface-boxing-in-loop"
	}
	return err
}

func Validate(ports []int) error {
	for _, p := range ports {
		if p <= 0 || p > 65535 {
			return fmt.Errorf("invalid port %d", p) // want "interface-boxing-in-loop"
		}
	}
	return nil
}

func Trace(logger *log.Logger, path []point) {
	for _, pt := range path {
		logger.Printf("visit %v", pt) // want "interface-boxing-in-loop"
	}
}

func Dump(w io.Writer, batches [][]string) {
	for i, batch := range batches {
		fmt.Fprintf(w, "%d: %v\n", i, batch) // want "interface-boxing-in-loop" "interface-boxing-in-loop"
	}
}

func Checksums(chunks [][]byte) {
	var digest [32]byte
	for _, c := range chunks {
		digest = sha256.Sum256(c)
		fmt.Printf("%x\n", digest) // want "interface-boxing-in-loop"
	}
}

func Runes(s string) {
	for i, r := range s {
		fmt.Printf("%d:%c ", i, r) // want "interface-boxing-in-loop" "interface-boxing-in-loop"
	}
}

func Login(names []string, maxAttempts int) {
	attempts := 0
	for _, name := range names {
		attempts++
		log.Printf("user=%s attempts=%d",
			name,     // want "interface-boxing-in-loop"
			attempts) // want "interface-boxing-in-loop"
	}
}

func Widen(counts []int32) {
	for _, n := range counts {
		log.Println(int64(n)) // want "interface-boxing-in-loop"
	}
}

func Poll(limit int) {
	n := 0
	for n < limit {
		n += 3
		track("progress", n) // want "interface-boxing-in-loop"
	}
}

func Tag(ids []int, labels []string) {
	for i := range ids {
		trackAll(ids[i], labels[i]) // want "interface-boxing-in-loop" "interface-boxing-in-loop"
	}
}

func Sum(vals []float64) {
	total := 0.0
	for _, v := range vals {
		total += v
		fmt.Print(total) // want "interface-boxing-in-loop"
	}
}

// A loop inside a func literal: the loop and the call are in the same
// function (the literal).
func Watch(vals []int, done chan<- struct{}) {
	go func() {
		for _, v := range vals {
			log.Print(v) // want "interface-boxing-in-loop"
		}
		done <- struct{}{}
	}()
}

func Spin(msgs []string) {
	for {
		if len(msgs) == 0 {
			return
		}
		msg := msgs[0]
		msgs = msgs[1:]
		fmt.Println(msg) // want "interface-boxing-in-loop"
	}
}
