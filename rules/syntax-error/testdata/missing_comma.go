package broken

func f() {
	fmt.Println("a" "b") // want "syntax-error"
}
