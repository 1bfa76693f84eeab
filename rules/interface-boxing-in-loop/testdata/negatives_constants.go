// Package status prints constants and literals inside loops. The compiler
// passes a pointer to read-only static data: no allocation.
package status

import (
	"fmt"
	"log"
)

const maxConns = 64

const banner = "server ready"

const timeoutSeconds uint16 = 30

type state int

const (
	idle state = iota
	busy
	closed
)

const ratio = 0.75

func Report(n int) {
	for i := 0; i < n; i++ {
		fmt.Println(maxConns)
		fmt.Println(banner)
		log.Printf("timeout=%ds", timeoutSeconds)
		fmt.Println(busy, closed)
		fmt.Println(idle)
		fmt.Println(42, "literal", 3.5, -1)
		fmt.Printf("%.2f\n", ratio)
		log.Println(maxConns * 2)
		_ = fmt.Errorf("limit %d reached", maxConns)
	}
}
