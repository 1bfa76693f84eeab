import AlloclintSyntax
@testable import AlloclintAnalysis
import XCTest

final class AnalysisResolutionTests: XCTestCase {
    let source = """
        package p

        import gosync "sync"

        var pool gosync.Pool
        var x = 1

        type T struct{ Name int }

        func f(a int, rest ...string) (res int, err error) {
        \tuse(x)
        \tx := x + a
        \t{
        \t\tx := "inner"
        \t\tuse(x)
        \t}
        \tuse(x)
        \tfor i, v := range rest {
        \t\tuse(i, v)
        \t}
        \tswitch v := any(a).(type) {
        \tcase int:
        \t\tuse(v)
        \tdefault:
        \t\tuse(v)
        \t}
        \tt := T{Name: x}
        \tres, err2 := 1, err
        \tpool.Put(t)
        \tg := func(a int) int { return a + x }
        \t_ = g
        \tif err := g(1); err != 0 {
        \t} else {
        \t\tuse(err)
        \t}
        \tvar h func(x int)
        \t_ = h
        \treturn res, err2
        }
        """

    func testShadowingAndKinds() throws {
        let fixture = AnalysisFixture(source)
        let file = fixture.file
        // use(x) before the local x: the package variable.
        XCTAssertEqual(fixture.declarationLine(fixture.node("use(x)", 0, offset: 4)), 6)
        XCTAssertEqual(file.resolve(fixture.node("use(x)", 0, offset: 4)!)?.kind, .packageVar)
        // x := x + a: left is a new local, right is the package variable, a the parameter.
        let left = try XCTUnwrap(fixture.node("x := x + a"))
        XCTAssertEqual(file.resolve(left)?.kind, .localVar)
        XCTAssertEqual(fixture.declarationLine(fixture.node("x := x + a", offset: 5)), 6)
        XCTAssertEqual(file.resolve(fixture.node("x := x + a", offset: 9)!)?.kind, .param)
        // The inner block's x, then the outer local again.
        XCTAssertEqual(fixture.declarationLine(fixture.node("use(x)", 1, offset: 4)), 14)
        XCTAssertEqual(fixture.declarationLine(fixture.node("use(x)", 2, offset: 4)), 12)
        // Range variables.
        let v = try XCTUnwrap(file.resolve(fixture.node("use(i, v)", offset: 7)!))
        guard case .rangeValue = v.origin else { return XCTFail("\(v.origin)") }
        // Type switch: each clause has its own v.
        let inInt = try XCTUnwrap(file.resolve(fixture.node("use(v)", 0, offset: 4)!))
        XCTAssertEqual(inInt.typeNode.map { file.tree.text($0) }, "int")
        let inDefault = try XCTUnwrap(file.resolve(fixture.node("use(v)", 1, offset: 4)!))
        XCTAssertNil(inDefault.typeNode)
        XCTAssertNotEqual(inInt.id, inDefault.id)
        // Struct literal keys are field names; values resolve.
        XCTAssertNil(file.resolve(fixture.node("Name: x")!))
        XCTAssertEqual(fixture.declarationLine(fixture.node("Name: x", offset: 6)), 12)
        // res is redeclared by := (an assignment of the result), err2 is new.
        XCTAssertEqual(file.resolve(fixture.node("res, err2")!)?.kind, .result)
        XCTAssertEqual(file.resolve(fixture.node("err2 :=")!)?.kind, .localVar)
        XCTAssertEqual(file.resolve(fixture.node("1, err\n", offset: 3)!)?.kind, .result)
        // Package-level pool through an aliased import.
        let pool = try XCTUnwrap(file.resolve(fixture.node("pool.Put")!))
        XCTAssertEqual(pool.kind, .packageVar)
        XCTAssertEqual(file.importPath(ofQualifier: fixture.node("gosync.Pool")!), "sync")
        XCTAssertEqual(file.resolve(fixture.node("Put(t)", offset: 4)!)?.kind, .localVar)
        // The literal's own parameter shadows, x is captured.
        XCTAssertEqual(file.resolve(fixture.node("return a + x", offset: 7)!)?.kind, .param)
        XCTAssertEqual(fixture.declarationLine(fixture.node("return a + x", offset: 7)), 30)
        let literal = try XCTUnwrap(fixture.expression("func(a int) int { return a + x }"))
        let free = file.freeVariables(of: literal)
        XCTAssertEqual(free.map { file.tree.text($0.identifier) }, ["x"])
        XCTAssertEqual(free.first?.declaration.function?.kind, .functionDeclaration)
        // if-scoped err is visible in else.
        XCTAssertEqual(fixture.declarationLine(fixture.node("use(err)", offset: 4)), 32)
        // Parameter names of function types declare nothing.
        XCTAssertNil(file.resolve(fixture.node("func(x int)\n", offset: 5)!))
        // Builtins and types.
        XCTAssertEqual(file.resolve(fixture.node("any(a)")!)?.kind, .builtinType)
        XCTAssertEqual(file.resolve(fixture.node("T{Name")!)?.kind, .packageType)
        XCTAssertEqual(file.resolve(fixture.node("rest ...")!)?.isVariadic, true)
    }

    func testBlankIdentifierDeclaresNothing() throws {
        let fixture = AnalysisFixture("""
            package p

            func f(xs []int, g func() (int, error)) {
            \tfor _, x := range xs {
            \t\t_, err := g()
            \t\tgo func() { _ = x; _ = err }()
            \t}
            }
            """)
        let file = fixture.file
        XCTAssertNil(file.resolve(fixture.node("_ = x")!))
        let literal = try XCTUnwrap(fixture.expression("func() { _ = x; _ = err }"))
        XCTAssertEqual(file.freeVariables(of: literal).map { file.tree.text($0.identifier) }, ["x", "err"])
    }

    func testCrossFileAndImports() throws {
        let fixture = AnalysisFixture("""
            package p

            import (
            \t"sync"
            \tyaml "gopkg.in/yaml.v3"
            \t. "strings"
            \t_ "embed"
            )

            var bufPool sync.Pool

            type server struct{ pool *sync.Pool }
            """, """
            package p

            import "github.com/acme/go-widgets/v2"

            func use(s *server) {
            \tbufPool.Put(s)
            \ts.pool.Put(widgets.New())
            \tsync := 1
            \t_ = sync
            }
            """)
        let second = fixture.files[1]
        let pool = try XCTUnwrap(second.resolve(fixture.node("bufPool.Put", in: 1)!))
        XCTAssertEqual(pool.kind, .packageVar)
        XCTAssertTrue(pool.file === fixture.files[0])
        XCTAssertEqual(pool.typeNode.map { fixture.files[0].tree.text($0) }, "sync.Pool")
        XCTAssertEqual(second.resolve(fixture.node("server)", in: 1)!)?.kind, .packageType)
        XCTAssertEqual(second.importPath(ofQualifier: fixture.node("widgets.New", in: 1)!), "github.com/acme/go-widgets/v2")
        // sync is not imported in the second file: a plain local.
        XCTAssertEqual(second.resolve(fixture.node("sync := 1", in: 1)!)?.kind, .localVar)
        XCTAssertEqual(second.resolve(fixture.node("_ = sync", offset: 4, in: 1)!)?.kind, .localVar)
        XCTAssertEqual(fixture.files[0].dotImports, ["strings"])
        XCTAssertEqual(fixture.files[0].imports.map(\.name), ["sync", "yaml"])
        XCTAssertEqual(FileAnalysis.defaultImportName("gopkg.in/yaml.v3"), "yaml")
        XCTAssertEqual(FileAnalysis.defaultImportName("github.com/acme/go-widgets/v2"), "widgets")
        XCTAssertEqual(FileAnalysis.defaultImportName("net/http"), "http")
        XCTAssertEqual(FileAnalysis.defaultImportName("example.com/go-foo-bar-go/"), "foo_bar")
        XCTAssertEqual(FileAnalysis.defaultImportName("gopkg.in/v2"), "gopkg")
        XCTAssertEqual(FileAnalysis.defaultImportName("v2"), "v2")
        XCTAssertEqual(FileAnalysis.defaultImportName("example.com/v"), "v")
    }

    func testDeclarationOrderAndSpecialScopes() throws {
        let fixture = AnalysisFixture("""
            package p

            func g() (int, error) { return 0, nil }

            func f(ch chan int, m map[string][]int) {
            \tvar a, b = g()
            \tvar c = a
            \tselect {
            \tcase v, ok := <-ch:
            \t\tuse(v, ok)
            \t}
            \tfor i := 0; i < 10; i++ {
            \t\tuse(i)
            \t}
            \ttype local struct{ next *local }
            \tvar l local
            \tk := map[string]int{c: 1}
            \tlabel:
            \tfor key := range m {
            \t\tbreak label
            \t}
            \tuse(a, b, c, l, k)
            }

            func (r *List[T]) Len(x T) int { return 0 }
            """)
        let file = fixture.file
        let b = try XCTUnwrap(file.resolve(fixture.node("b = g()")!))
        guard case .tupleElement(_, let index) = b.origin else { return XCTFail() }
        XCTAssertEqual(index, 1)
        let v = try XCTUnwrap(file.resolve(fixture.node("use(v, ok)", offset: 4)!))
        XCTAssertEqual(v.initializer.map { file.tree.text($0) }, "<-ch")
        XCTAssertEqual(fixture.declarationLine(fixture.node("use(i)", offset: 4)), 12)
        XCTAssertEqual(file.resolve(fixture.node("*local", offset: 1)!)?.kind, .localType)
        XCTAssertEqual(file.resolve(fixture.node("l local", offset: 2)!)?.kind, .localType)
        // Keys of a map literal are expressions.
        XCTAssertEqual(fixture.declarationLine(fixture.node("c: 1")), 7)
        XCTAssertNil(file.resolve(fixture.node("label:")!))
        XCTAssertEqual(file.resolve(fixture.node("x T", offset: 2)!)?.kind, .typeParam)
        XCTAssertEqual(file.resolve(fixture.node("r *List")!)?.kind, .receiver)
    }

    func testDeepNestingIsIterative() throws {
        let depth = 50_000
        var text = "package p\n\nfunc f() {\n\tx := 1\n"
        text += String(repeating: "{", count: depth)
        text += "_ = x"
        text += String(repeating: "}", count: depth)
        text += "\n}\n"
        let fixture = AnalysisFixture(text)
        let use = try XCTUnwrap(fixture.node("_ = x", offset: 4))
        XCTAssertEqual(fixture.file.resolve(use)?.kind, .localVar)
        XCTAssertEqual(fixture.declarationLine(use), 4)
    }
}
