// loopsites: classifies compiler-reported func literal sites for the loop-closure recall measurement
// (used by ../loop-recall.py). Reads `file:line:col` lines (the position of a `func` keyword) on
// standard input and prints `file:line:col inloop captures`, each 0 or 1:
//   - inloop: the literal is in the body of a for/range loop of its own function, not behind
//     another func literal (the loops SPEC.md's loop-closure looks at);
//   - captures: it refers to a variable declared in its enclosing top-level function but outside
//     the literal (go/parser's own identifier resolution; struct fields and package-level names
//     are not captures).
//
// Run: go run ./loopsites < sites.txt (standard library only; no module needed).
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
)

func main() {
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		site := strings.TrimSpace(scanner.Text())
		parts := strings.Split(site, ":")
		if len(parts) < 3 {
			continue
		}
		path := strings.Join(parts[:len(parts)-2], ":")
		line, _ := strconv.Atoi(parts[len(parts)-2])
		column, _ := strconv.Atoi(parts[len(parts)-1])
		file, ok := files[path]
		if !ok {
			parsed, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				continue
			}
			files[path], file = parsed, parsed
		}
		inLoop, captures := classify(fset, file, line, column)
		fmt.Printf("%s %d %d\n", site, boolDigit(inLoop), boolDigit(captures))
	}
}

func boolDigit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// classify finds the func literal at line:column and judges it.
func classify(fset *token.FileSet, file *ast.File, line, column int) (inLoop, captures bool) {
	var stack []ast.Node
	var found []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if lit, ok := n.(*ast.FuncLit); ok {
			p := fset.Position(lit.Pos())
			if p.Line == line && p.Column == column {
				found = append([]ast.Node(nil), stack...)
				return false
			}
		}
		return true
	})
	if found == nil {
		return false, false
	}
	lit := found[len(found)-1].(*ast.FuncLit)
	// Walk outwards to the function boundary: a loop body on the way means "in a loop".
	child := ast.Node(lit)
	var topLevel ast.Node
	boundaryReached := false
	for i := len(found) - 2; i >= 0; i-- {
		n := found[i]
		if !boundaryReached {
			switch loop := n.(type) {
			case *ast.ForStmt:
				inLoop = inLoop || loop.Body == child
			case *ast.RangeStmt:
				inLoop = inLoop || loop.Body == child
			case *ast.FuncLit, *ast.FuncDecl:
				boundaryReached = true
			}
		}
		if decl, ok := n.(*ast.FuncDecl); ok {
			topLevel = decl
		}
		child = n
	}
	if topLevel == nil {
		return inLoop, false
	}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		ident, ok := n.(*ast.Ident)
		if !ok || ident.Obj == nil || ident.Obj.Kind != ast.Var {
			return true
		}
		decl, ok := ident.Obj.Decl.(ast.Node)
		if !ok {
			return true
		}
		declared := decl.Pos()
		outsideLiteral := declared < lit.Pos() || declared >= lit.End()
		insideFunction := declared >= topLevel.Pos() && declared < topLevel.End()
		if outsideLiteral && insideFunction {
			captures = true
		}
		return true
	})
	return inLoop, captures
}
