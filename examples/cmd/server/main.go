// Command server serves a few static pages and checksums its assets at start-up.
package main

import (
	"flag"
	"log"
	"net/http"

	"example.com/alloclint-examples/internal/server"
	"example.com/alloclint-examples/internal/worker"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "listen address")
	workers := flag.Int("workers", 4, "checksum workers")
	flag.Parse()

	tasks := make([]worker.Task, 0, flag.NArg())
	for _, path := range flag.Args() {
		tasks = append(tasks, worker.Task{Path: path})
	}
	for _, r := range worker.Failed(worker.Run(tasks, *workers)) {
		log.Print(r.Err)
	}

	s := server.New([]server.Page{
		{Path: "/", Title: "Home", Body: "<h1>alloclint examples</h1>"},
		{Path: "/about", Title: "About", Body: "<p>Allocation anti-patterns, side by side.</p>"},
	})
	log.Printf("listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, s.Handler()))
}
