// Regression (found by the fuzzer): typing a call chain on a value of unknown type typed the
// receiver twice per call, so each call doubled the work: a 20-call chain took seconds, and
// this one would never finish.
package query

import "example.com/orm"

func build(db *orm.DB, items []int) {
	for i := range items {
		_ = db.Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Where("x").Order(i).Find(&items)
	}
}
