// With the option conditional=true, a single append inside an if is flagged as well:
// len(src) is an upper bound worth reserving when most elements pass the filter.
package conditional

// alloclint-test: option conditional=true

type Event struct {
	Kind    string
	Payload []byte
	Dropped bool
}

func kept(events []Event) []Event {
	var out []Event // want "slice-prealloc"
	for _, e := range events {
		if !e.Dropped {
			out = append(out, e)
		}
	}
	return out
}

// Unconditional appends are still flagged.
func kinds(events []Event) []string {
	ks := make([]string, 0, len(events)) // want "slice-prealloc"
	for _, e := range events {
		ks = append(ks, e.Kind)
	}
	return ks
}

// The option does not lift the other conditions: two appends, spreads, early exits.
func payloads(events []Event) [][]byte {
	var ps [][]byte
	for _, e := range events {
		if e.Kind == "split" {
			ps = append(ps, e.Payload[:1])
			ps = append(ps, e.Payload[1:])
		}
	}
	return ps
}

func bytesOf(events []Event) []byte {
	var all []byte
	for _, e := range events {
		if !e.Dropped {
			all = append(all, e.Payload...)
		}
	}
	return all
}

func untilDrop(events []Event) []string {
	var ks []string
	for _, e := range events {
		if e.Dropped {
			break
		}
		ks = append(ks, e.Kind)
	}
	return ks
}

func nonEmpty(events []Event) []Event {
	var out []Event
	for _, e := range events {
		if len(e.Payload) == 0 {
			continue
		}
		out = append(out, e)
	}
	return out
}

// A channel still has no length.
func fromChan(events <-chan Event) []Event {
	var out []Event
	for e := range events {
		if !e.Dropped {
			out = append(out, e)
		}
	}
	return out
}
