// Package flags logs values whose conversion to any does not allocate:
// pointers, maps, chans and funcs are stored directly in the interface;
// interfaces are already interfaces; bool, byte, int8 and uint8 use the
// runtime's static table; zero-size values point at a shared zero address.
package flags

import (
	"fmt"
	"log"
)

type config struct {
	name string
	port int
}

type marker struct{}

func Inspect(cfgs []config, tables []map[string]int, chans []chan int, hooks []func() error) {
	for i := range cfgs {
		fmt.Println(&cfgs[i])
	}
	for _, t := range tables {
		fmt.Println(t)
	}
	for _, c := range chans {
		fmt.Println(c)
	}
	for _, h := range hooks {
		fmt.Printf("%p\n", h)
	}
}

func Pointers(items []*config) {
	for _, it := range items {
		log.Printf("config %v", it)
		fresh := new(config)
		fmt.Println(fresh)
	}
}

func Errors(ops []func() error) {
	for _, op := range ops {
		if err := op(); err != nil {
			log.Println(err)
			_ = fmt.Errorf("op: %w", err)
		}
	}
}

func Interfaces(vals []any, names []fmt.Stringer) {
	for _, v := range vals {
		fmt.Println(v)
	}
	for _, s := range names {
		fmt.Println(s)
	}
	fmt.Println(vals...)
	for range names {
		fmt.Println(vals...)
	}
}

func Small(enabled []bool, data []byte, deltas []int8, levels []uint8) {
	for _, on := range enabled {
		fmt.Println(on)
	}
	for _, b := range data {
		fmt.Printf("%02x", b)
	}
	for _, d := range deltas {
		fmt.Println(d)
	}
	for _, l := range levels {
		log.Println(l)
	}
	var ok bool
	for i := 0; i < len(data); i++ {
		ok = !ok
		fmt.Println(ok)
	}
}

func ZeroSize(n int) {
	var m marker
	for i := 0; i < n; i++ {
		fmt.Println(m)
		fmt.Println(struct{}{})
	}
}
