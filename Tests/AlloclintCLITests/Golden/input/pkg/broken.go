package pkg

import "fmt"

// The parser recovers after the missing comma: the loop below is still checked.
func broken(names []string) {
	fmt.Println("names:" names)
	for range names {
		defer fmt.Println("still checked")
	}
}
