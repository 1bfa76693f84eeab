// Package metrics calls methods of its own types that take any: through
// pointer and value receivers, a promoted method of an embedded type, and a
// method that only inspects its parameter. Interface methods and methods of
// types from other packages are not known and are left alone.
package metrics

import (
	"fmt"
	"strings"
)

type recorder struct {
	values []any
}

// add keeps its parameter: it escapes.
func (r *recorder) add(v any) { r.values = append(r.values, v) }

type labels map[string]any

// set stores the value in the map: it escapes.
func (l labels) set(key string, v any) { l[key] = v }

// isSet only compares its parameter: it does not escape.
func (l labels) isSet(v any) bool { return v != nil }

// histogram embeds a recorder: add is promoted.
type histogram struct {
	*recorder
	name string
}

type sink interface {
	emit(v any)
}

type flagged struct{ on bool }

func Collect(r *recorder, l labels, h histogram, s sink, b *strings.Builder, samples []float64) {
	for i, v := range samples {
		r.add(v)                 // want "interface-boxing-in-loop"
		l.set("last", i)         // want "interface-boxing-in-loop"
		h.add(v)                 // want "interface-boxing-in-loop"
		_ = l.isSet(i)           // inspected only: boxed on the stack
		s.emit(v)                // an interface method: unknown implementation
		fmt.Fprint(b, flagged{}) // one bool field: boxed for free
		r.add(&samples[i])       // a pointer
		r.add(h.name)            // want "interface-boxing-in-loop"
	}
}
