// Package units redeclares the identifier any at package level: in this
// package, any is an int and a parameter of that type is not an interface.
package units

type any = int

// Scale multiplies a quantity.
func Scale(q any, factor any) any {
	return q * factor
}

// Total adds quantities.
func Total(qs ...any) any {
	t := 0
	for _, q := range qs {
		t += q
	}
	return t
}

// Describe still takes an empty interface, spelled interface{}.
func Describe(v interface{}) string { // want "interface-param"
	if _, ok := v.(int); ok {
		return "quantity"
	}
	return "other"
}
