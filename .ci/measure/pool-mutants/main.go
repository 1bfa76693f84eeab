// pool-mutants measures the three sync.Pool rules (pool-put-non-pointer, pool-unreset-put,
// pool-use-after-put) on code they were not tuned on, by mutation of the Go standard library.
//
// Every Put on a sync.Pool in the non-test files of $GOROOT/src (cmd/ included) is a site. For
// each site it writes mutant packages with exactly one injected bug of one kind, following
// SPEC.md, plus every original package unmutated as negatives. Each mutant is type-checked
// (go/types against the installed export data, as go vet does) and dropped when it does not
// compile. alloclint is then run on all of them and every pool finding is classified: the
// injected rule at the injected line is a detection; a finding also present in the unmutated
// package is judged once there; anything else is a false-positive candidate, listed for review.
//
// Run (from the repository root):
//
//	cd .ci/measure/pool-mutants && nice -n 15 go run . -alloclint /work/bin/alloclint-land -out /tmp/pool-mutants
//
// Flags: -goroot (default /usr/lib/go-1.19), -out (scratch directory, recreated), -alloclint.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

const (
	kindUseAfterPut = "pool-use-after-put"
	kindUnresetPut  = "pool-unreset-put"
	kindNonPointer  = "pool-put-non-pointer"
)

var ruleIDs = []string{kindNonPointer, kindUnresetPut, kindUseAfterPut}

// Variants outside SPEC's definition of a rule: measured and listed, not counted in recall.
const informationalPrefix = "outside-spec:"

// A package of the corpus: its import path, directory and parsed, type-checked files.
type corpusPackage struct {
	importPath string
	dir        string
	fileNames  []string
	sources    map[string][]byte
	fset       *token.FileSet
	files      []*ast.File
	info       *types.Info
	pkg        *types.Package
}

// One real Put site.
type putSite struct {
	pkg      *corpusPackage
	file     string // base name
	ast      *ast.File
	call     *ast.CallExpr
	stmt     ast.Stmt // the ExprStmt or DeferStmt holding the call
	deferred bool
	function ast.Node // FuncDecl or FuncLit
	body     *ast.BlockStmt
}

// A byte-range replacement in one file.
type edit struct {
	start, end int
	text       string
}

// One mutant: a package with one edited file and the finding it must produce.
type mutant struct {
	ID           string `json:"id"`
	Kind         string `json:"kind"`
	Variant      string `json:"variant"`
	Package      string `json:"package"`
	File         string `json:"file"`
	SiteLine     int    `json:"siteLine"`     // the Put, in the original file
	ExpectedLine int    `json:"expectedLine"` // the injected finding, in the mutant file
	// Lines inserted in the mutant: after original line InsertedAfter[i], Inserted[i] lines.
	InsertedAfter []int  `json:"insertedAfter"`
	Inserted      []int  `json:"inserted"`
	Description   string `json:"description"`
	edits         []edit
	pkg           *corpusPackage
}

var gcImporter types.ImporterFrom

func main() {
	goroot := flag.String("goroot", "/usr/lib/go-1.19", "GOROOT whose src is the corpus")
	out := flag.String("out", "/tmp/pool-mutants", "scratch directory (recreated)")
	alloclint := flag.String("alloclint", "/work/bin/alloclint-land", "alloclint binary")
	flag.Parse()

	fset := token.NewFileSet()
	exportDir := filepath.Join(*goroot, "pkg", "linux_amd64")
	gcImporter = importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		for _, candidate := range []string{path, "vendor/" + path, "cmd/vendor/" + path} {
			if f, err := os.Open(filepath.Join(exportDir, candidate+".a")); err == nil {
				return f, nil
			}
		}
		return nil, fmt.Errorf("no export data for %s", path)
	}).(types.ImporterFrom)

	packages := loadCorpus(fset, filepath.Join(*goroot, "src"))
	var sites []putSite
	for _, p := range packages {
		sites = append(sites, putSites(p)...)
	}
	fmt.Printf("corpus: %d packages with sync.Pool Put sites, %d Put sites\n", len(packages), len(sites))

	var mutants []*mutant
	generated := map[string]int{}
	dropped := map[string]int{}
	for _, s := range sites {
		for _, m := range mutantsOf(s) {
			generated[m.Kind]++
			if err := typeCheckMutant(m); err != nil {
				dropped[m.Kind]++
				fmt.Printf("dropped (does not compile) %s %s:%d %s: %v\n", m.Kind, m.File, m.SiteLine, m.Variant, err)
				continue
			}
			m.ID = fmt.Sprintf("m%03d", len(mutants)+1)
			mutants = append(mutants, m)
		}
	}
	for _, k := range ruleIDs {
		fmt.Printf("mutants %-22s generated %3d, dropped (do not compile) %d\n", k, generated[k], dropped[k])
	}

	must(os.RemoveAll(*out))
	must(os.MkdirAll(*out, 0o755))
	for _, p := range packages {
		writePackage(filepath.Join(*out, "orig", flatName(p.importPath)), p, "", nil)
	}
	for _, m := range mutants {
		writePackage(filepath.Join(*out, m.ID, flatName(m.Package)), m.pkg, m.File, applyEdits(m.pkg.sources[m.File], m.edits))
	}
	manifest, _ := json.MarshalIndent(mutants, "", "  ")
	must(os.WriteFile(filepath.Join(*out, "manifest.json"), manifest, 0o644))

	findings := runAlloclint(*alloclint, *out)
	score(*out, mutants, findings)
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// flatName keeps "vendor" out of the scratch paths, which linters skip.
func flatName(importPath string) string { return strings.ReplaceAll(importPath, "/", "_") }

// loadCorpus type-checks every package directory whose non-test files mention `.Put(`.
func loadCorpus(fset *token.FileSet, src string) []*corpusPackage {
	var result []*corpusPackage
	src, err := filepath.EvalSymlinks(src)
	must(err)
	filepath.WalkDir(src, func(dir string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if d.Name() == "testdata" {
			return filepath.SkipDir
		}
		bp, err := build.Default.ImportDir(dir, 0)
		if err != nil || len(bp.CgoFiles) > 0 {
			return nil
		}
		p := &corpusPackage{dir: dir, fset: fset, sources: map[string][]byte{}, fileNames: bp.GoFiles}
		p.importPath, _ = filepath.Rel(src, dir)
		mentionsPut := false
		for _, name := range bp.GoFiles {
			data, err := os.ReadFile(filepath.Join(dir, name))
			must(err)
			p.sources[name] = data
			mentionsPut = mentionsPut || bytes.Contains(data, []byte(".Put("))
		}
		if !mentionsPut {
			return nil
		}
		files, info, pkg, err := typeCheck(p, "", nil)
		if err != nil {
			fmt.Printf("skipped %s: %v\n", p.importPath, err)
			return nil
		}
		p.files, p.info, p.pkg = files, info, pkg
		result = append(result, p)
		return nil
	})
	return result
}

// typeCheck parses and checks the package, with file `replaced` given the source `replacement`.
func typeCheck(p *corpusPackage, replaced string, replacement []byte) ([]*ast.File, *types.Info, *types.Package, error) {
	var files []*ast.File
	for _, name := range p.fileNames {
		source := p.sources[name]
		if name == replaced {
			source = replacement
		}
		f, err := parser.ParseFile(p.fset, filepath.Join(p.dir, name), source, parser.ParseComments)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	var firstError error
	config := types.Config{Importer: gcImporter, Error: func(err error) {
		if firstError == nil {
			firstError = err
		}
	}}
	pkg, _ := config.Check(p.importPath, p.fset, files, info)
	return files, info, pkg, firstError
}

func typeCheckMutant(m *mutant) error {
	_, _, _, err := typeCheck(m.pkg, m.File, applyEdits(m.pkg.sources[m.File], m.edits))
	return err
}

// isSyncPool reports whether t is sync.Pool or *sync.Pool.
func isSyncPool(t types.Type) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "sync" && named.Obj().Name() == "Pool"
}

// putSites finds the Put calls on sync.Pool values that are statements or deferred.
func putSites(p *corpusPackage) []putSite {
	var sites []putSite
	for _, f := range p.files {
		name := filepath.Base(p.fset.Position(f.Pos()).Filename)
		var functions []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				functions = functions[:len(functions)-1]
				return true
			}
			functions = append(functions, n)
			var call *ast.CallExpr
			deferred := false
			switch s := n.(type) {
			case *ast.ExprStmt:
				call, _ = s.X.(*ast.CallExpr)
			case *ast.DeferStmt:
				call, deferred = s.Call, true
			}
			if call == nil || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Put" || !isSyncPool(p.info.Types[sel.X].Type) {
				return true
			}
			site := putSite{pkg: p, file: name, ast: f, call: call, stmt: n.(ast.Stmt), deferred: deferred}
			for i := len(functions) - 1; i >= 0 && site.function == nil; i-- {
				switch fn := functions[i].(type) {
				case *ast.FuncDecl:
					site.function, site.body = fn, fn.Body
				case *ast.FuncLit:
					site.function, site.body = fn, fn.Body
				}
			}
			if site.function != nil {
				sites = append(sites, site)
			}
			return true
		})
	}
	return sites
}

func (s putSite) offset(pos token.Pos) int { return s.pkg.fset.Position(pos).Offset }
func (s putSite) line(pos token.Pos) int   { return s.pkg.fset.Position(pos).Line }
func (s putSite) text(n ast.Node) string {
	return string(s.pkg.sources[s.file][s.offset(n.Pos()):s.offset(n.End())])
}

// indent is the leading white space of the line holding pos.
func (s putSite) indent(pos token.Pos) string {
	source := s.pkg.sources[s.file]
	start := bytes.LastIndexByte(source[:s.offset(pos)], '\n') + 1
	end := start
	for end < len(source) && (source[end] == '\t' || source[end] == ' ') {
		end++
	}
	return string(source[start:end])
}

func (s putSite) newMutant(kind, variant, description string, expectedLine int, edits ...edit) *mutant {
	m := &mutant{Kind: kind, Variant: variant, Package: s.pkg.importPath, File: s.file, SiteLine: s.line(s.call.Pos()),
		ExpectedLine: expectedLine, Description: description, edits: edits, pkg: s.pkg}
	file := s.pkg.fset.File(s.call.Pos())
	for _, e := range edits {
		if n := strings.Count(e.text, "\n"); n > 0 {
			line := file.Line(file.Pos(e.start))
			if !strings.HasPrefix(e.text, "\n") {
				line-- // inserted before a statement: that statement's line moves down
			}
			m.InsertedAfter = append(m.InsertedAfter, line)
			m.Inserted = append(m.Inserted, n)
		}
	}
	return m
}

func mutantsOf(s putSite) []*mutant {
	var result []*mutant
	result = append(result, useAfterPutMutants(s)...)
	result = append(result, unresetMutants(s)...)
	result = append(result, nonPointerMutants(s)...)
	return result
}

// isPlainReference: an identifier or a selector chain of identifiers (x, d.buf, msg.done).
func isPlainReference(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isPlainReference(e.X)
	}
	return false
}

// readOf is a statement that reads the value `text` of type t in a way a user would: a field,
// a method result, an element, a length. Empty when none fits.
func readOf(text string, t types.Type, from *types.Package) string {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return "_ = " + text + "[0]"
	case *types.Chan:
		return "_ = len(" + text + ")"
	case *types.Pointer:
		switch elem := u.Elem().Underlying().(type) {
		case *types.Slice:
			return "_ = len(*" + text + ")"
		case *types.Struct:
			for i := 0; i < elem.NumFields(); i++ {
				field := elem.Field(i)
				if field.Exported() || field.Pkg() == from {
					return "_ = " + text + "." + field.Name()
				}
			}
		}
		methods := types.NewMethodSet(t)
		for i := 0; i < methods.Len(); i++ {
			fn := methods.At(i).Obj().(*types.Func)
			sig := fn.Type().(*types.Signature)
			if (fn.Exported() || fn.Pkg() == from) && sig.Params().Len() == 0 && sig.Results().Len() == 1 {
				return "_ = " + text + "." + fn.Name() + "()"
			}
		}
	}
	return ""
}

// aliasOf is an expression aliasing the memory of `text` that SPEC names: x[:n] for a slice,
// x.Bytes() for a *bytes.Buffer.
func aliasOf(text string, t types.Type) string {
	if _, ok := t.Underlying().(*types.Slice); ok {
		return text + "[:len(" + text + ")]"
	}
	if t.String() == "*bytes.Buffer" {
		return text + ".Bytes()"
	}
	return ""
}

// useAfterPutMutants: a read of the put value right after the Put; a read through an alias
// taken before the Put; for a deferred Put, a goroutine reading the value.
func useAfterPutMutants(s putSite) []*mutant {
	arg := s.call.Args[0]
	if !isPlainReference(arg) {
		return nil
	}
	text, t := s.text(arg), s.pkg.info.Types[arg].Type
	read := readOf(text, t, s.pkg.pkg)
	if read == "" {
		return nil
	}
	indent := s.indent(s.stmt.Pos())
	after := s.offset(s.stmt.End())
	putLine := s.line(s.stmt.Pos())
	if s.deferred {
		return []*mutant{s.newMutant(kindUseAfterPut, "goroutine-with-deferred-put", "go func() { "+read+" }() after the deferred Put",
			putLine+1, edit{after, after, "\n" + indent + "go func() { " + read + " }()"})}
	}
	result := []*mutant{s.newMutant(kindUseAfterPut, "read-after-put", read+" after the Put",
		putLine+1, edit{after, after, "\n" + indent + read})}
	if alias := aliasOf(text, t); alias != "" {
		before := s.offset(s.stmt.Pos())
		result = append(result, s.newMutant(kindUseAfterPut, "alias-read-after-put", "pooledView := "+alias+" before the Put, read after",
			putLine+2,
			edit{before, before, "pooledView := " + alias + "\n" + indent},
			edit{after, after, "\n" + indent + "_ = pooledView[0]"}))
	}
	return result
}

// The object a plain identifier expression denotes, or nil.
func (s putSite) objectOf(e ast.Expr) types.Object {
	for paren, ok := e.(*ast.ParenExpr); ok; paren, ok = e.(*ast.ParenExpr) {
		e = paren.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return s.pkg.info.Uses[id]
	}
	return nil
}

func (s putSite) refersTo(e ast.Expr, obj types.Object) bool {
	return obj != nil && s.objectOf(e) == obj
}

// unresetMutants: for a value taken from Get in the same function, written to, and reset
// between the Get and this Put, remove every reset (SPEC: Reset(), x = x[:0], *x = T{},
// Put(x[:0])). Emitted only when a modification SPEC names remains (append, index or field
// assignment, Write* method).
func unresetMutants(s putSite) []*mutant {
	arg := s.call.Args[0]
	var slicedToZero *ast.SliceExpr
	if se, ok := arg.(*ast.SliceExpr); ok && se.Low == nil && isZero(se.High) && se.Max == nil {
		slicedToZero, arg = se, se.X
	}
	value := s.objectOf(arg)
	if value == nil {
		return nil
	}
	getPos, putPos := token.NoPos, s.call.Pos()
	if s.deferred {
		putPos = s.body.End() // a deferred Put runs when the function returns
	}
	var resets []edit
	modified, passedToCall := false, false
	ast.Inspect(s.body, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		if n.Pos() >= putPos {
			return false // only what runs between the Get and this Put
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if len(n.Rhs) != len(n.Lhs) {
					break
				}
				rhs := n.Rhs[i]
				if s.refersTo(lhs, value) && isPoolGet(s, rhs) {
					getPos, resets, modified, passedToCall = n.Pos(), nil, false, false
				} else if getPos.IsValid() && isReset(s, lhs, rhs, value) && len(n.Lhs) == 1 {
					resets = append(resets, edit{s.offset(n.Pos()), s.offset(n.End()), ""})
				} else if getPos.IsValid() && isModification(s, lhs, rhs, value) {
					modified = true
				}
			}
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && n.Tok == token.DEFINE {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && s.pkg.info.Defs[id] == value && isPoolGet(s, n.Rhs[0]) {
					getPos, resets, modified, passedToCall = n.Pos(), nil, false, false
				}
			}
		case *ast.ExprStmt:
			if call, ok := n.X.(*ast.CallExpr); ok && getPos.IsValid() {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && s.refersTo(sel.X, value) && sel.Sel.Name == "Reset" {
					resets = append(resets, edit{s.offset(n.Pos()), s.offset(n.End()), ""})
				}
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && getPos.IsValid() && s.refersTo(sel.X, value) && strings.HasPrefix(sel.Sel.Name, "Write") {
				modified = true
			}
			for _, argument := range n.Args {
				if getPos.IsValid() && n != s.call && s.refersTo(argument, value) {
					passedToCall = true
				}
			}
		}
		return true
	})
	if !getPos.IsValid() || !(modified || passedToCall) {
		return nil
	}
	variant := "resets-removed"
	if !modified {
		// Written only by a callee: SPEC's rule does not look there; reported apart, not in recall.
		variant = informationalPrefix + "resets-removed-callee-writes"
	}
	if slicedToZero != nil {
		resets = append(resets, edit{s.offset(slicedToZero.Pos()), s.offset(slicedToZero.End()), s.text(slicedToZero.X)})
	}
	if len(resets) == 0 {
		return nil
	}
	return []*mutant{s.newMutant(kindUnresetPut, variant, fmt.Sprintf("%d reset(s) between Get (line %d) and Put removed", len(resets), s.line(getPos)),
		s.line(s.call.Pos()), resets...)}
}

func isZero(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Value == "0"
}

// isPoolGet: p.Get() or p.Get().(T) on a sync.Pool.
func isPoolGet(s putSite, e ast.Expr) bool {
	if ta, ok := e.(*ast.TypeAssertExpr); ok {
		e = ta.X
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Get" && isSyncPool(s.pkg.info.Types[sel.X].Type)
}

// isReset: x = x[:0] or *x = T{}.
func isReset(s putSite, lhs, rhs ast.Expr, value types.Object) bool {
	if se, ok := rhs.(*ast.SliceExpr); ok && s.refersTo(lhs, value) {
		return s.refersTo(se.X, value) && se.Low == nil && isZero(se.High)
	}
	if star, ok := lhs.(*ast.StarExpr); ok && s.refersTo(star.X, value) {
		_, isLiteral := rhs.(*ast.CompositeLit)
		return isLiteral
	}
	return false
}

// isModification: x = append(x, …), x[i] = …, x.f = ….
func isModification(s putSite, lhs, rhs ast.Expr, value types.Object) bool {
	if call, ok := rhs.(*ast.CallExpr); ok && s.refersTo(lhs, value) {
		if fn, ok := call.Fun.(*ast.Ident); ok && fn.Name == "append" && len(call.Args) > 0 && s.refersTo(call.Args[0], value) {
			return true
		}
	}
	switch l := lhs.(type) {
	case *ast.IndexExpr:
		return s.refersTo(l.X, value)
	case *ast.SelectorExpr:
		return s.refersTo(l.X, value)
	}
	return false
}

// nonPointerMutants: Put(x) of a pointer to a slice, array, string or struct becomes Put(*x)
// (or Put(v) for Put(&v)): the pool now holds values that box on every Put.
func nonPointerMutants(s putSite) []*mutant {
	arg := s.call.Args[0]
	ptr, ok := s.pkg.info.Types[arg].Type.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	switch elem := ptr.Elem().Underlying().(type) {
	case *types.Slice, *types.Array, *types.Struct:
	case *types.Basic:
		if elem.Kind() != types.String {
			return nil
		}
	default:
		return nil
	}
	var replacement string
	switch a := arg.(type) {
	case *ast.UnaryExpr:
		if a.Op != token.AND {
			return nil
		}
		replacement = s.text(a.X)
	default:
		if !isPlainReference(arg) {
			return nil
		}
		replacement = "*" + s.text(arg)
	}
	return []*mutant{s.newMutant(kindNonPointer, "dereferenced", "Put("+s.text(arg)+") → Put("+replacement+")",
		s.line(s.call.Pos()), edit{s.offset(arg.Pos()), s.offset(arg.End()), replacement})}
}

func applyEdits(source []byte, edits []edit) []byte {
	sorted := append([]edit(nil), edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].start > sorted[j].start })
	result := append([]byte(nil), source...)
	for _, e := range sorted {
		result = append(result[:e.start], append([]byte(e.text), result[e.end:]...)...)
	}
	return result
}

// writePackage copies the package's Go files (test files too: the linter sees them) into dir,
// with `replaced` given the source `replacement`.
func writePackage(dir string, p *corpusPackage, replaced string, replacement []byte) {
	must(os.MkdirAll(dir, 0o755))
	entries, err := os.ReadDir(p.dir)
	must(err)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		data := replacement
		if e.Name() != replaced {
			data, err = os.ReadFile(filepath.Join(p.dir, e.Name()))
			must(err)
		}
		must(os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
	}
}

type finding struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Related []struct {
		Path string `json:"path"`
		Line int    `json:"line"`
	} `json:"related"`
}

func runAlloclint(binary, out string) []finding {
	cmd := exec.Command("nice", "-n", "15", binary, "--no-config", "--include-generated", "--format", "json", ".")
	cmd.Dir = out
	cmd.Stderr = os.Stderr
	output, _ := cmd.Output() // exit status 1 means findings
	var report struct{ Findings []finding }
	must(json.Unmarshal(output, &report))
	var pool []finding
	for _, f := range report.Findings {
		if strings.HasPrefix(f.Rule, "pool-") {
			pool = append(pool, f)
		}
	}
	return pool
}

// originalLine maps a line of a mutant file back to the original file.
func (m *mutant) originalLine(line int) int {
	shift := 0
	for i, after := range m.InsertedAfter {
		if line > after+shift+m.Inserted[i] {
			shift += m.Inserted[i]
		}
	}
	return line - shift
}

func score(out string, mutants []*mutant, findings []finding) {
	type key struct {
		pkg, file, rule string
		line            int
	}
	original := map[key]bool{}
	byMutant := map[string][]finding{}
	for _, f := range findings {
		parts := strings.SplitN(filepath.ToSlash(f.Path), "/", 3)
		if parts[0] == "orig" {
			pkgDir, file := filepath.Split(parts[1] + "/" + parts[2])
			original[key{strings.TrimSuffix(pkgDir, "/"), file, f.Rule, f.Line}] = true
			fmt.Printf("original finding (judge by reading): %s:%d %s: %s\n", f.Path, f.Line, f.Rule, f.Message)
			continue
		}
		byMutant[parts[0]] = append(byMutant[parts[0]], f)
	}
	detected := map[string]int{}
	total := map[string]int{}
	falsePositives := map[string]int{}
	for _, m := range mutants {
		counted := !strings.HasPrefix(m.Variant, informationalPrefix)
		if counted {
			total[m.Kind]++
		}
		found := false
		for _, f := range byMutant[m.ID] {
			pkgDir, file := filepath.Split(strings.TrimPrefix(filepath.ToSlash(f.Path), m.ID+"/"))
			pkgDir = strings.TrimSuffix(pkgDir, "/")
			if f.Rule == m.Kind && file == m.File && (f.Line == m.ExpectedLine || relatedTo(f, m.ExpectedLine)) {
				found = true
				continue
			}
			line := f.Line
			if file == m.File {
				line = m.originalLine(f.Line)
			}
			if !original[key{pkgDir, file, f.Rule, line}] {
				falsePositives[f.Rule]++
				fmt.Printf("false-positive candidate in %s (%s %s at %s:%d): %s:%d %s: %s\n", m.ID, m.Kind, m.Variant, m.File, m.SiteLine, f.Path, f.Line, f.Rule, f.Message)
			}
		}
		if found && counted {
			detected[m.Kind]++
		} else if found {
			fmt.Printf("outside SPEC, detected: %s %s %s:%d (%s)\n", m.ID, m.Variant, m.Package, m.SiteLine, m.Description)
		} else {
			fmt.Printf("MISS %s %s %s %s:%d (%s) — see %s/%s/%s/%s line %d\n", m.ID, m.Kind, m.Variant, m.Package, m.SiteLine, m.Description, out, m.ID, flatName(m.Package), m.File, m.ExpectedLine)
		}
	}
	fmt.Println()
	fmt.Println("| rule | mutants | detected | recall | other new findings in mutants (FP candidates) | precision on mutants |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, k := range ruleIDs {
		fmt.Printf("| %s | %d | %d | %s | %d | %s |\n", k, total[k], detected[k], percent(detected[k], total[k]),
			falsePositives[k], percent(detected[k], detected[k]+falsePositives[k]))
	}
}

func percent(part, whole int) string {
	if whole == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(part)/float64(whole))
}

func relatedTo(f finding, line int) bool {
	for _, r := range f.Related {
		if r.Line == line {
			return true
		}
	}
	return false
}
