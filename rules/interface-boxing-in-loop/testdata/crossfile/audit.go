package ingest

import "log"

// record and note take any parameters; they are called from loader.go.
func record(event string, fields ...any) {
	log.Println(append([]any{event}, fields...)...)
}

func note(v interface{}) {
	log.Print(v)
}

// Item is one row to load.
type Item struct {
	ID   int64
	Name string
}
