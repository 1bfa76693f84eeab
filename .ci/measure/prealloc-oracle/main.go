// Command prealloc-oracle finds the sites that SPEC.md's slice-prealloc, map-prealloc and
// string-concat-in-loop rules describe, independently of alloclint: go/parser + go/types (types
// from source through importer "source", so it runs offline), no tree-sitter and no shared logic.
// Its output is compared with alloclint's JSON findings to measure recall (see compare.py and
// ../prealloc-results.md).
//
// Usage (Go 1.19, from this directory; -root must be spelled under GOROOT for vendored imports):
//
//	go build -o /tmp/oracle . && GO111MODULE=off /tmp/oracle -root "$(go env GOROOT)/src/cmd" -prefix cmd
//
// Output: one line per site, tab-separated: rule, path relative to -root, line, detail.
// Like alloclint, it skips testdata/, vendor/ and hidden directories, reports nothing in generated
// files (they are type-checked all the same), and reads every .go file whatever its build
// constraints (a package's files are checked together; -v prints the type errors, which come
// from files of other platforms).
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var generated = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)

func main() {
	root := flag.String("root", "", "directory tree to scan")
	prefix := flag.String("prefix", "", "import path of -root (cmd for GOROOT/src/cmd)")
	verbose := flag.Bool("v", false, "print each package's first type error on stderr")
	flag.Parse()
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	var sites []string
	filepath.WalkDir(*root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != *root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(*root, path)
		importPath := filepath.ToSlash(filepath.Join(*prefix, rel))
		generatedFiles := map[*ast.File]bool{}
		for _, files := range parsePackages(fset, path, generatedFiles) {
			o := &oracle{fset: fset, root: *root, info: check(fset, imp, importPath, path, files, *verbose), forms: map[*types.Var]string{}}
			for _, f := range files {
				if generatedFiles[f] {
					continue
				}
				o.declarationForms(f)
				o.file(f)
			}
			sites = append(sites, o.sites...)
		}
		return nil
	})
	sort.Strings(sites)
	for _, s := range sites {
		fmt.Println(s)
	}
}

// parsePackages parses the .go files of dir, grouped by package clause. Generated files are
// type-checked with the others but marked, so that no site is reported in them.
func parsePackages(fset *token.FileSet, dir string, generatedFiles map[*ast.File]bool) map[string][]*ast.File {
	entries, _ := os.ReadDir(dir)
	packages := map[string][]*ast.File{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			continue
		}
		generatedFiles[f] = generated.Match(src)
		packages[f.Name.Name] = append(packages[f.Name.Name], f)
	}
	return packages
}

func check(fset *token.FileSet, imp types.ImporterFrom, importPath, dir string, files []*ast.File, verbose bool) *types.Info {
	info := &types.Info{
		Types:  map[ast.Expr]types.TypeAndValue{},
		Defs:   map[*ast.Ident]types.Object{},
		Uses:   map[*ast.Ident]types.Object{},
		Scopes: map[ast.Node]*types.Scope{},
	}
	errors := 0
	conf := types.Config{Importer: dirImporter{imp, dir}, FakeImportC: true, Error: func(err error) {
		if errors++; verbose {
			fmt.Fprintln(os.Stderr, importPath+":", err)
		}
	}}
	conf.Check(importPath, fset, files, info)
	return info
}

// dirImporter resolves imports (vendored ones included) from the importing package's directory.
type dirImporter struct {
	from types.ImporterFrom
	dir  string
}

func (d dirImporter) Import(path string) (*types.Package, error) {
	return d.from.ImportFrom(path, d.dir, 0)
}

type oracle struct {
	fset  *token.FileSet
	root  string
	info  *types.Info
	sites []string
	forms map[*types.Var]string
}

func (o *oracle) report(rule string, at token.Pos, detail string) {
	p := o.fset.Position(at)
	rel, _ := filepath.Rel(o.root, p.Filename)
	o.sites = append(o.sites, fmt.Sprintf("%s\t%s\t%d\t%s", rule, rel, p.Line, detail))
}

func (o *oracle) file(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			o.statements(n.List)
		case *ast.CaseClause:
			o.statements(n.Body)
		case *ast.CommClause:
			o.statements(n.Body)
		case *ast.FuncDecl:
			if n.Body != nil {
				o.concatenations(n.Body)
			}
		case *ast.FuncLit:
			o.concatenations(n.Body)
		}
		return true
	})
}

// statements looks at each declaration followed immediately by a loop.
func (o *oracle) statements(list []ast.Stmt) {
	for i := 0; i+1 < len(list); i++ {
		v, value, ok := o.singleDeclaration(list[i])
		if !ok {
			continue
		}
		loop := list[i+1]
		for {
			labeled, ok := loop.(*ast.LabeledStmt)
			if !ok {
				break
			}
			loop = labeled.Stmt
		}
		switch v.Type().Underlying().(type) {
		case *types.Slice:
			if o.isEmptySlice(value) {
				o.slicePrealloc(list[i], v, loop)
			}
		case *types.Map:
			if o.isEmptyMap(value) {
				o.mapPrealloc(list[i], v, loop)
			}
		}
	}
}

// singleDeclaration: `var v T`, `var v = x`, `var v T = x`, `v := x` declaring one new variable.
func (o *oracle) singleDeclaration(s ast.Stmt) (v *types.Var, value ast.Expr, ok bool) {
	var name *ast.Ident
	switch s := s.(type) {
	case *ast.DeclStmt:
		g, isGen := s.Decl.(*ast.GenDecl)
		if !isGen || g.Tok != token.VAR || len(g.Specs) != 1 {
			return nil, nil, false
		}
		spec := g.Specs[0].(*ast.ValueSpec)
		if len(spec.Names) != 1 || len(spec.Values) > 1 {
			return nil, nil, false
		}
		name = spec.Names[0]
		if len(spec.Values) == 1 {
			value = spec.Values[0]
		}
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return nil, nil, false
		}
		name, _ = s.Lhs[0].(*ast.Ident)
		value = s.Rhs[0]
	}
	if name == nil {
		return nil, nil, false
	}
	v, ok = o.info.Defs[name].(*types.Var)
	return v, value, ok && v != nil
}

// isEmptySlice: no value (nil), `[]T{}` or `make([]T, 0)`.
func (o *oracle) isEmptySlice(value ast.Expr) bool {
	if value == nil {
		return true
	}
	if lit, ok := value.(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	args, ok := o.builtinCall(value, "make")
	return ok && len(args) == 2 && o.isConstant(args[1], 0)
}

// isEmptyMap: `make(map[K]V)` or `map[K]V{}`.
func (o *oracle) isEmptyMap(value ast.Expr) bool {
	if lit, ok := value.(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	args, ok := o.builtinCall(value, "make")
	return ok && len(args) == 1
}

func (o *oracle) builtinCall(e ast.Expr, name string) ([]ast.Expr, bool) {
	call, ok := unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	id, ok := unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	b, ok := o.info.Uses[id].(*types.Builtin)
	return call.Args, ok && b.Name() == name
}

func (o *oracle) isConstant(e ast.Expr, n int64) bool {
	tv := o.info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	x, exact := constant.Int64Val(tv.Value)
	return exact && x == n
}

func (o *oracle) refersTo(e ast.Expr, v types.Object) bool {
	id, ok := unparen(e).(*ast.Ident)
	return ok && o.info.Uses[id] == v
}

// --- slice-prealloc ---------------------------------------------------------------------------

func (o *oracle) slicePrealloc(decl ast.Stmt, v *types.Var, loop ast.Stmt) {
	body, count := o.tripCount(loop, true)
	if body == nil {
		return
	}
	// Exactly one statement changes v: a top-level `v = append(v, x)` of the body.
	var appends []*ast.AssignStmt
	other := false
	o.writesOf(body, v, func(n ast.Node) {
		if a, ok := n.(*ast.AssignStmt); ok && o.isSingleAppend(a, v) {
			appends = append(appends, a)
		} else {
			other = true
		}
	})
	if other || len(appends) != 1 || !isDirectChild(appends[0], body) || o.exits(body, loop) {
		return
	}
	o.report("slice-prealloc", decl.Pos(), count)
}

func (o *oracle) isSingleAppend(a *ast.AssignStmt, v types.Object) bool {
	if a.Tok != token.ASSIGN || len(a.Lhs) != 1 || len(a.Rhs) != 1 || !o.refersTo(a.Lhs[0], v) {
		return false
	}
	call, ok := unparen(a.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	args, ok := o.builtinCall(call, "append")
	return ok && len(args) == 2 && !call.Ellipsis.IsValid() && o.refersTo(args[0], v)
}

// --- map-prealloc -----------------------------------------------------------------------------

func (o *oracle) mapPrealloc(decl ast.Stmt, v *types.Var, loop ast.Stmt) {
	if _, isRange := loop.(*ast.RangeStmt); !isRange {
		return
	}
	body, count := o.tripCount(loop, false)
	if body == nil {
		return
	}
	// Exactly one statement changes m: a top-level `m[k] = x` of the body.
	var stores []*ast.AssignStmt
	other := false
	o.writesOf(body, v, func(n ast.Node) {
		if a, ok := n.(*ast.AssignStmt); ok && a.Tok == token.ASSIGN && len(a.Lhs) == 1 {
			if index, ok := unparen(a.Lhs[0]).(*ast.IndexExpr); ok && o.refersTo(index.X, v) {
				stores = append(stores, a)
				return
			}
		}
		other = true
	})
	if other || len(stores) != 1 || !isDirectChild(stores[0], body) || o.exits(body, loop) {
		return
	}
	// SPEC counts these too, but a map also read in the loop may be an accumulator
	// (m[k] = append(m[k], x)) whose size is the number of distinct keys: tagged for review.
	if o.mentions(body, v) > 1 {
		count += " (m also read in the loop)"
	}
	o.report("map-prealloc", decl.Pos(), count)
}

// writesOf calls write for every node in body that may change v or what v refers to beyond a
// read: assignments to v or v[k], v++ / v[k]++, &v, delete(v, k), clear(v), and any mention of v
// inside a func literal.
func (o *oracle) writesOf(body *ast.BlockStmt, v types.Object, write func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			mentions := false
			ast.Inspect(n, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && o.info.Uses[id] == v {
					mentions = true
				}
				return !mentions
			})
			if mentions {
				write(n)
			}
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if o.rootIs(l, v) {
					write(n)
					break
				}
			}
		case *ast.RangeStmt:
			if (n.Key != nil && o.rootIs(n.Key, v)) || (n.Value != nil && o.rootIs(n.Value, v)) {
				write(n)
			}
		case *ast.IncDecStmt:
			if o.rootIs(n.X, v) {
				write(n)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && o.rootIs(n.X, v) {
				write(n)
			}
		case *ast.CallExpr:
			if args, ok := o.builtinCall(n, "delete"); ok && len(args) > 0 && o.refersTo(args[0], v) {
				write(n)
			}
			if args, ok := o.builtinCall(n, "clear"); ok && len(args) > 0 && o.refersTo(args[0], v) {
				write(n)
			}
		}
		return true
	})
}

// rootIs: e is v, v[k], or (v).
func (o *oracle) rootIs(e ast.Expr, v types.Object) bool {
	e = unparen(e)
	if index, ok := e.(*ast.IndexExpr); ok {
		return o.refersTo(index.X, v)
	}
	return o.refersTo(e, v)
}

func (o *oracle) mentions(n ast.Node, v types.Object) int {
	count := 0
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && o.info.Uses[id] == v {
			count++
		}
		return true
	})
	return count
}

func isDirectChild(s ast.Stmt, body *ast.BlockStmt) bool {
	for _, t := range body.List {
		if t == s {
			return true
		}
	}
	return false
}

// tripCount returns the body and the iteration count of a loop whose count is known before it
// starts: range over a slice, array, pointer to array, string or map; with counted, also
// `for i := a; i < b; i++` (or `<=`, `i += 1`) when the body changes neither i nor b.
func (o *oracle) tripCount(loop ast.Stmt, counted bool) (*ast.BlockStmt, string) {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		t := o.info.Types[l.X].Type
		if t == nil {
			return nil, ""
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		switch u := t.Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
			return l.Body, "len(" + types.ExprString(l.X) + ")"
		case *types.Basic:
			if u.Info()&types.IsString != 0 {
				return l.Body, "len(" + types.ExprString(l.X) + ")"
			}
		}
	case *ast.ForStmt:
		if !counted {
			return nil, ""
		}
		init, ok := l.Init.(*ast.AssignStmt)
		if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
			return nil, ""
		}
		id, _ := init.Lhs[0].(*ast.Ident)
		if id == nil {
			return nil, ""
		}
		counter := o.info.Defs[id]
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if counter == nil || !ok || (cond.Op != token.LSS && cond.Op != token.LEQ) || !o.refersTo(cond.X, counter) {
			return nil, ""
		}
		if !o.isIncrement(l.Post, counter) || !o.isPure(cond.Y) || !o.isPure(init.Rhs[0]) || o.changes(l.Body, counter) {
			return nil, ""
		}
		for _, input := range o.inputs(cond.Y) {
			if o.changes(l.Body, input) || o.changes(l.Post, input) {
				return nil, ""
			}
		}
		if o.readsThrough(cond.Y) || o.readsPackageVariable(cond.Y) {
			// A field, element or package variable may change under any call in the loop.
			if hasCall(l.Body, o.info) {
				return nil, ""
			}
		}
		return l.Body, types.ExprString(cond.Y) + " - " + types.ExprString(init.Rhs[0])
	}
	return nil, ""
}

func (o *oracle) isIncrement(s ast.Stmt, counter types.Object) bool {
	switch s := s.(type) {
	case *ast.IncDecStmt:
		return s.Tok == token.INC && o.refersTo(s.X, counter)
	case *ast.AssignStmt:
		return s.Tok == token.ADD_ASSIGN && len(s.Lhs) == 1 && o.refersTo(s.Lhs[0], counter) && o.isConstant(s.Rhs[0], 1)
	}
	return false
}

// isPure: no calls but len/cap and conversions, no receives, no func literals.
func (o *oracle) isPure(e ast.Expr) bool {
	pure := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if o.info.Types[n.Fun].IsType() {
				return true
			}
			_, isLen := o.builtinCall(n, "len")
			_, isCap := o.builtinCall(n, "cap")
			if !isLen && !isCap {
				pure = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				pure = false
			}
		case *ast.FuncLit:
			pure = false
		}
		return pure
	})
	return pure
}

// inputs: the variables an expression reads.
func (o *oracle) inputs(e ast.Expr) []types.Object {
	var vars []types.Object
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := o.info.Uses[id].(*types.Var); ok && !v.IsField() {
				vars = append(vars, v)
			}
		}
		return true
	})
	return vars
}

func (o *oracle) readsThrough(e ast.Expr) bool {
	through := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.SliceExpr:
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if _, isPkg := o.info.Uses[identOf(sel.X)].(*types.PkgName); isPkg {
					return true // a qualified identifier, not a field
				}
			}
			through = true
		}
		return !through
	})
	return through
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

func (o *oracle) readsPackageVariable(e ast.Expr) bool {
	for _, v := range o.inputs(e) {
		if v.Parent() != nil && v.Parent() == v.Pkg().Scope() {
			return true
		}
		if v.Pkg() != nil && v.Parent() == nil {
			return true
		}
	}
	return false
}

// hasCall: any call but builtins and conversions.
func hasCall(n ast.Node, info *types.Info) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if call, ok := m.(*ast.CallExpr); ok {
			if info.Types[call.Fun].IsType() {
				return true
			}
			if id, ok := unparen(call.Fun).(*ast.Ident); ok {
				if _, isBuiltin := info.Uses[id].(*types.Builtin); isBuiltin {
					return true
				}
			}
			found = true
		}
		return !found
	})
	return found
}

// changes: n assigns v, increments it, takes its address or calls a method on it.
func (o *oracle) changes(n ast.Node, v types.Object) bool {
	if n == nil {
		return false
	}
	changed := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.AssignStmt:
			for _, l := range m.Lhs {
				if o.refersTo(l, v) {
					changed = true
				}
			}
		case *ast.RangeStmt:
			if (m.Key != nil && o.refersTo(m.Key, v)) || (m.Value != nil && o.refersTo(m.Value, v)) {
				changed = true
			}
		case *ast.IncDecStmt:
			changed = changed || o.refersTo(m.X, v)
		case *ast.UnaryExpr:
			changed = changed || (m.Op == token.AND && o.refersTo(m.X, v))
		case *ast.SelectorExpr:
			if sel := o.info.Selections[m]; sel != nil && sel.Kind() == types.MethodVal && o.refersTo(m.X, v) {
				changed = true
			}
		}
		return !changed
	})
	return changed
}

// exits: return, goto, or a break/continue that leaves or restarts `loop` (labels resolved).
func (o *oracle) exits(body *ast.BlockStmt, loop ast.Stmt) bool {
	innerLabels := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			innerLabels[l.Label.Name] = true
		}
		_, isLit := n.(*ast.FuncLit)
		return !isLit
	})
	var visit func(n ast.Node, inBreakable, inLoop bool) bool
	visit = func(n ast.Node, inBreakable, inLoop bool) bool {
		exit := false
		ast.Inspect(n, func(m ast.Node) bool {
			if exit || m == nil {
				return false
			}
			if m == n {
				return true
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				exit = true
			case *ast.BranchStmt:
				switch m.Tok {
				case token.GOTO:
					exit = true
				case token.BREAK:
					exit = (m.Label != nil && !innerLabels[m.Label.Name]) || (m.Label == nil && !inBreakable)
				case token.CONTINUE:
					exit = (m.Label != nil && !innerLabels[m.Label.Name]) || (m.Label == nil && !inLoop)
				}
			case *ast.ForStmt, *ast.RangeStmt:
				exit = visit(m, true, true)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				exit = visit(m, true, inLoop)
				return false
			}
			return !exit
		})
		return exit
	}
	return visit(body, false, false)
}

// --- string-concat-in-loop --------------------------------------------------------------------

// concatenations reports `s += x` / `s = s + …` on a local string variable in a loop body of this
// function (not behind a nested func literal) when s is declared outside that innermost loop.
func (o *oracle) concatenations(fn *ast.BlockStmt) {
	var loops []*ast.BlockStmt
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // checked on its own
		case *ast.ForStmt:
			o.walkLoop(n.Init, n.Cond, n.Post, n.Body, &loops, visit)
			return false
		case *ast.RangeStmt:
			o.walkLoop(n.Key, n.Value, n.X, n.Body, &loops, visit)
			return false
		case *ast.AssignStmt:
			if len(loops) > 0 {
				o.concatenation(n, loops[len(loops)-1])
			}
		}
		return true
	}
	ast.Inspect(fn, visit)
}

func (o *oracle) walkLoop(a, b, c ast.Node, body *ast.BlockStmt, loops *[]*ast.BlockStmt, visit func(ast.Node) bool) {
	// The header runs per iteration too, but SPEC speaks of the loop body; the header is visited
	// as if outside this loop.
	for _, n := range []ast.Node{a, b, c} {
		if n != nil {
			ast.Inspect(n, visit)
		}
	}
	*loops = append(*loops, body)
	ast.Inspect(body, visit)
	*loops = (*loops)[:len(*loops)-1]
}

func (o *oracle) concatenation(a *ast.AssignStmt, loopBody *ast.BlockStmt) {
	if len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return
	}
	id, ok := a.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	v, ok := o.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return
	}
	basic, ok := v.Type().Underlying().(*types.Basic)
	if !ok || basic.Info()&types.IsString == 0 {
		return
	}
	switch a.Tok {
	case token.ADD_ASSIGN:
	case token.ASSIGN:
		left := unparen(a.Rhs[0])
		grows := false
		for {
			bin, ok := left.(*ast.BinaryExpr)
			if !ok || bin.Op != token.ADD {
				break
			}
			grows = true
			left = unparen(bin.X)
		}
		if !grows || !o.refersTo(left, v) {
			return
		}
	default:
		return
	}
	if loopBody.Pos() <= v.Pos() && v.Pos() < loopBody.End() {
		return // declared in the body: starts afresh on every iteration
	}
	o.report("string-concat-in-loop", a.Pos(), o.forms[v])
}

// declarationForms records, for each local string variable of f, which of SPEC's named
// declaration forms declared it: "var" (`var s string`), "literal" (from a string literal),
// "param" (a parameter or named result), or "other" (any other value, e.g. a call's result).
func (o *oracle) declarationForms(f *ast.File) {
	set := func(id *ast.Ident, form string) {
		if v, ok := o.info.Defs[id].(*types.Var); ok {
			o.forms[v] = form
		}
	}
	fromValue := func(e ast.Expr) string {
		if lit, ok := unparen(e).(*ast.BasicLit); ok && lit.Kind == token.STRING {
			return "literal"
		}
		return "other"
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			for _, list := range []*ast.FieldList{n.Params, n.Results} {
				if list != nil {
					for _, field := range list.List {
						for _, id := range field.Names {
							set(id, "param")
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch {
				case len(n.Values) == 0:
					set(id, "var")
				case len(n.Values) == len(n.Names):
					set(id, fromValue(n.Values[i]))
				default:
					set(id, "other")
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if len(n.Rhs) == len(n.Lhs) {
							set(id, fromValue(n.Rhs[i]))
						} else {
							set(id, "other")
						}
					}
				}
			}
		}
		return true
	})
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}
