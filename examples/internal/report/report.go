// Package report renders sales reports: CSV exports, rankings and indexes.
//
// Every anti-pattern below sits right above the function that does the same job without the
// needless allocations; alloclint reports the lines marked with a want comment.
package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Sale is one line of the sales ledger.
type Sale struct {
	ID      string
	Region  string
	Product string
	Units   int
	Cents   int64
}

// ---------------------------------------------------------------------------------------
// Building a string in a loop.
// ---------------------------------------------------------------------------------------

// CSVConcat grows the export with +=: each line copies everything written so far.
func CSVConcat(sales []Sale) string {
	csv := "id,region,product,units\n"
	for _, s := range sales {
		csv += s.ID + "," + s.Region + "," + s.Product + "," + strconv.Itoa(s.Units) + "\n" // want "string-concat-in-loop"
	}
	return csv
}

// CSV writes into one strings.Builder, sized up front.
func CSV(sales []Sale) string {
	const header = "id,region,product,units\n"
	size := len(header)
	for _, s := range sales {
		size += len(s.ID) + len(s.Region) + len(s.Product) + 24
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(header)
	var num [20]byte
	for _, s := range sales {
		b.WriteString(s.ID)
		b.WriteByte(',')
		b.WriteString(s.Region)
		b.WriteByte(',')
		b.WriteString(s.Product)
		b.WriteByte(',')
		b.Write(strconv.AppendInt(num[:0], int64(s.Units), 10))
		b.WriteByte('\n')
	}
	return b.String()
}

// ---------------------------------------------------------------------------------------
// Growing a slice one append at a time.
// ---------------------------------------------------------------------------------------

// ProductsGrown lets append reallocate the slice about log2(len(sales)) times.
func ProductsGrown(sales []Sale) []string {
	var products []string // want "slice-prealloc"
	for _, s := range sales {
		products = append(products, s.Product)
	}
	return products
}

// Products allocates the backing array once.
func Products(sales []Sale) []string {
	products := make([]string, 0, len(sales))
	for _, s := range sales {
		products = append(products, s.Product)
	}
	return products
}

// RegionNamesGrown collects the keys of a map into an empty slice.
func RegionNamesGrown(unitsByRegion map[string]int) []string {
	names := make([]string, 0) // want "slice-prealloc"
	for name := range unitsByRegion {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// RegionNames sizes the slice from the map.
func RegionNames(unitsByRegion map[string]int) []string {
	names := make([]string, 0, len(unitsByRegion))
	for name := range unitsByRegion {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// ---------------------------------------------------------------------------------------
// Filling a map without a size hint.
// ---------------------------------------------------------------------------------------

// IndexGrown rehashes the map several times as it fills up.
func IndexGrown(sales []Sale) map[string]Sale {
	byID := make(map[string]Sale) // want "map-prealloc"
	for _, s := range sales {
		byID[s.ID] = s
	}
	return byID
}

// Index allocates the buckets for len(sales) entries at once.
func Index(sales []Sale) map[string]Sale {
	byID := make(map[string]Sale, len(sales))
	for _, s := range sales {
		byID[s.ID] = s
	}
	return byID
}

// ---------------------------------------------------------------------------------------
// Boxing values for fmt in a loop.
// ---------------------------------------------------------------------------------------

// WriteRankingFmt passes an int and a string to Fprintf's ...any on every row: both are
// copied to the heap to become interface values.
func WriteRankingFmt(w io.Writer, products []string) {
	for rank, name := range products {
		fmt.Fprintf(w, "#%d %s\n", rank, name) // want "interface-boxing-in-loop" "interface-boxing-in-loop"
	}
}

// WriteRanking formats with strconv into a buffered writer: no interface values at all.
func WriteRanking(w io.Writer, products []string) error {
	bw := bufio.NewWriter(w)
	var num [20]byte
	for rank, name := range products {
		bw.WriteByte('#')
		bw.Write(strconv.AppendInt(num[:0], int64(rank), 10))
		bw.WriteByte(' ')
		bw.WriteString(name)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ---------------------------------------------------------------------------------------
// Taking `any` where a concrete type would do.
// ---------------------------------------------------------------------------------------

// Cell renders one spreadsheet cell; every caller boxes its argument to call it.
func Cell(v any) string { // want "interface-param"
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v)
	case string:
		return strconv.Quote(v)
	default:
		return ""
	}
}

// CellInt and CellString take concrete types: nothing to box.
func CellInt(v int) string { return strconv.Itoa(v) }

// CellString quotes a text cell.
func CellString(v string) string { return strconv.Quote(v) }

// CellOf is generic: instantiated per type, it does not convert its argument to an interface.
func CellOf[T ~int | ~int64](v T) string { return strconv.FormatInt(int64(v), 10) }

// ---------------------------------------------------------------------------------------
// A pooled scratch slice stored by value.
// ---------------------------------------------------------------------------------------

var centsScratch = sync.Pool{
	New: func() any { return make([]int64, 0, 256) },
}

// MedianCentsBoxed pools a []int64 by value: each Put boxes the slice header.
func MedianCentsBoxed(sales []Sale) int64 {
	if len(sales) == 0 {
		return 0
	}
	vals := centsScratch.Get().([]int64)
	vals = vals[:0]
	for _, s := range sales {
		vals = append(vals, s.Cents)
	}
	sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
	median := vals[len(vals)/2]
	centsScratch.Put(vals) // want "pool-put-non-pointer"
	return median
}

var centsScratchPtrs = sync.Pool{
	New: func() any {
		s := make([]int64, 0, 256)
		return &s
	},
}

// MedianCents pools a *[]int64.
func MedianCents(sales []Sale) int64 {
	if len(sales) == 0 {
		return 0
	}
	vp := centsScratchPtrs.Get().(*[]int64)
	vals := (*vp)[:0]
	for _, s := range sales {
		vals = append(vals, s.Cents)
	}
	sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
	median := vals[len(vals)/2]
	*vp = vals[:0]
	centsScratchPtrs.Put(vp)
	return median
}
