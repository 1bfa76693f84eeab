package templates

import (
	"bytes"
	"html/template"
	"io"
)

// Render executes a template into a pooled buffer declared in pool.go.
func Render(w io.Writer, t *template.Template, title string) error {
	buf := pagePool.Get().(*bytes.Buffer)
	buf.WriteString("<!doctype html>")
	if err := t.Execute(buf, title); err != nil {
		pagePool.Put(buf) // want "pool-unreset-put"
		return err
	}
	_, err := w.Write(buf.Bytes())
	pagePool.Put(buf) // want "pool-unreset-put"
	return err
}

// RenderClean resets after the Get.
func RenderClean(w io.Writer, t *template.Template, title string) error {
	buf := pagePool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString("<!doctype html>")
	if err := t.Execute(buf, title); err != nil {
		pagePool.Put(buf)
		return err
	}
	_, err := w.Write(buf.Bytes())
	pagePool.Put(buf)
	return err
}
