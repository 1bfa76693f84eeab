package pkg

func broken() {
	for {
		defer println("still checked")
	}
	x := []int{1, 2
}
