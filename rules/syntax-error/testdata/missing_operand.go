package broken

// Only the first error of a file is reported, at the token where parsing failed.
func total(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x * // want "syntax-error"
	}
	return sum
}

func later() int {
	return 1 + // a second error is not reported again
}
