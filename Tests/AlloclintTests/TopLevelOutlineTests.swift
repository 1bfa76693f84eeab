@testable import AlloclintSyntax
import Foundation
import XCTest

/// The lexical outline of a file's top level, and the parses built on it: `parseDeclarations`
/// must give the same tree as a full parse everywhere outside top-level function bodies, and
/// `PackageContext` must hand out each declaration once, by name.
final class TopLevelOutlineTests: XCTestCase {
    let parser = try! GoParser()

    func testBodiesAreFoundPastTypesStringsAndComments() {
        let source = """
            package p

            import "fmt"

            func a() { fmt.Println("}") }
            func b() struct{ x int } { return struct{ x int }{} }
            func (r *T[K]) c(f func() interface{ M() }) (n int, err error) {
            	s := `}
            {`
            	_ = '}' // }
            	/* { */ return
            }
            func external(x int)

            var d = func() { println() }
            var e = T{f: 1,
            	g: 2}
            func f[T interface{ ~int }]() chan struct{} { return nil }
            func unclosed() {
            """
        let bytes = Array(source.utf8)
        let bodies = TopLevelOutline(bytes).declarations.compactMap(\.bodyInterior).map { String(decoding: bytes[$0], as: UTF8.self) }
        XCTAssertEqual(bodies, [
            " fmt.Println(\"}\") ",
            " return struct{ x int }{} ",
            "\n\ts := `}\n{`\n\t_ = '}' // }\n\t/* { */ return\n",
            " return nil ",
        ])
    }

    func testDeclaredNames() {
        let source = """
            // Package p.
            package p

            import (
            	"fmt"
            	s "sync"
            )

            var a, b = 1, 2
            var c int
            var (
            	d, e = f(1,
            		2)
            	g = T{h: 1,
            		i: 2}
            )
            const (
            	j = iota
            	k
            )
            type L[T any] struct{ m int }
            type (
            	N = int
            	O interface {
            		P()
            	}
            )
            func Q[T any](x T) struct{ r int } { var notDeclared int; return struct{ r int }{} }
            func (t *S[K, V]) Method(k K) {}
            func (U) Other() {}
            func (w (*W)) Parenthesized() {}
            func asm(x int)
            """
        let outline = TopLevelOutline(Array(source.utf8))
        let kinds = outline.declarations.map(\.kind)
        XCTAssertEqual(kinds, [.header, .packageClause, .imports, .value, .value, .value, .value, .type, .type,
                               .function, .method, .method, .method, .function])
        let declared = outline.declarations.map(\.declares)
        let expected: [[String]] = [[], [], [], ["a", "b"], ["c"], ["d", "e", "g"], ["j", "k"], ["L"], ["N", "O"],
                                    ["Q"], [], [], [], ["asm"]]
        XCTAssertEqual(declared, expected.map { $0.map(NameKey.init) })
        XCTAssertEqual(outline.declarations.map(\.methodName), [nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
                                                              NameKey("Method"), NameKey("Other"), NameKey("Parenthesized"), nil])
        XCTAssertEqual(outline.declarations.map(\.receiverType), [nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
                                                                NameKey("S"), NameKey("U"), NameKey("W"), nil])
    }

    func testDeclarationsAreHandedOutOnceByNameWithTheirFileHeader() {
        let first = """
            package p

            import "io"

            var unused = 1

            type Server struct{ handler Handler }

            func (s *Server) Serve() error { return nil }

            func helper() {}
            """
        let second = """
            package p

            type Handler interface{ Handle() }

            type Other int

            func (o Other) String() string { return "" }
            """
        let sources = [first, second]
        let context = PackageContext([TopLevelOutline(Array(first.utf8)), TopLevelOutline(Array(second.utf8))])
        func texts(_ handedOut: [PackageContext.Ranges]) -> [[String]] {
            handedOut.map { file, ranges in
                ranges.map { String(decoding: Array(sources[file].utf8)[$0], as: UTF8.self) }
            }
        }
        XCTAssertEqual(texts(context.take(declaring: "Server")),
                       [["package p\n", "import \"io\"\n", "type Server struct{ handler Handler }\n"]])
        XCTAssertEqual(texts(context.take(declaring: "Server")), [], "a declaration is handed out once")
        XCTAssertEqual(texts(context.take(method: "Serve", ofType: "Server")),
                       [["package p\n", "import \"io\"\n", "func (s *Server) Serve() error {", "}\n"]])
        XCTAssertEqual(texts(context.take(declaring: "Handler")), [["package p\n", "type Handler interface{ Handle() }\n"]])
        XCTAssertEqual(texts(context.take(declaring: "undeclared")), [])
        XCTAssertEqual(texts(context.take(methodsNamed: "String")),
                       [["package p\n", "func (o Other) String() string {", "}"]])
        XCTAssertEqual(texts(context.take(method: "String", ofType: "Other")), [],
                       "a method handed out by its name is not handed out again with its type")
        XCTAssertEqual(texts(context.take(declaring: "Other")), [["package p\n", "type Other int\n"]])
    }

    func testDeclarationsOfTheNamesAFileMentionsAreHandedOutAFileAtATime() {
        let source = """
            package p

            type Server struct{}

            func (s *Server) Serve() {}

            func (s *Server) Close() {}

            func Serve() {}
            """
        let context = PackageContext([TopLevelOutline(Array(source.utf8))])
        let names = TopLevelOutline.names(in: Array("func f(s *Server) { s.Serve() }".utf8))
        let handedOut = context.take(declaringAnyOf: names, inFile: 0)?.ranges.map { String(decoding: Array(source.utf8)[$0], as: UTF8.self) }
        XCTAssertEqual(handedOut, ["package p\n", "type Server struct{}\n", "func (s *Server) Serve() {}\n", "func Serve() {}"],
                       "a method when its type and its name are mentioned")
        XCTAssertEqual(context.take(declaringAnyOf: names, inFile: 0)?.ranges, nil)
    }

    func testDeclarationTreesMatchFullParseOutsideBodies() {
        let source = """
            package p

            type T struct{ pool sync.Pool }

            var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func log(format string, args ...any) { for range args { defer println() } }

            func (t *T) Get() *bytes.Buffer {
            	return t.pool.Get().(*bytes.Buffer)
            }

            const (
            	a = iota
            	b
            )
            """
        assertSameDeclarations(SourceText(source), "inline")
    }

    /// The parseable files of large standard-library packages, when Go's sources are installed
    /// (the whole library, 5,500 files, was checked once the same way).
    func testStandardLibraryDeclarationsMatchFullParse() throws {
        let root = "/usr/share/go-1.19/src"
        var checked = 0
        for package in ["net/http", "go/types", "runtime"] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + package) else {
                throw XCTSkip("\(root) is not installed")
            }
            for name in names.sorted() where name.hasSuffix(".go") {
                guard let data = FileManager.default.contents(atPath: "\(root)/\(package)/\(name)") else { continue }
                let source = SourceText(bytes: Array(data))
                let tree = parser.parse(source)
                guard withExtendedLifetime(tree, { !tree.root.hasError }) else { continue }
                assertSameDeclarations(source, package + "/" + name)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }

    private func assertSameDeclarations(_ source: SourceText, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let full = outline(parser.parse(source))
        let declarations = outline(parser.parseDeclarations(source))
        guard full != declarations else { return }
        let index = (0..<min(full.count, declarations.count)).first { full[$0] != declarations[$0] } ?? min(full.count, declarations.count)
        XCTFail("\(name): trees differ at node \(index): full \(full.dropFirst(index).prefix(3).map(\.description)) vs \(declarations.dropFirst(index).prefix(3).map(\.description))",
                file: file, line: line)
    }

    /// Kind and byte range of every node below the root, except the contents of top-level
    /// function bodies and the comments between declarations.
    private func outline(_ tree: SyntaxTree) -> [OutlineEntry] {
        var result: [OutlineEntry] = []
        let root = tree.root
        root.walk(enterErrors: true) { node in
            if node == root { return .visitChildren }  // its range starts at the first parsed byte
            if node.kind == .comment && node.parent == root { return .skipChildren }
            result.append(OutlineEntry(kind: node.kind, start: node.startByte, end: node.endByte))
            if node.kind == .block, let parent = node.parent, parent.kind == .functionDeclaration || parent.kind == .methodDeclaration,
               parent.parent == root {
                return .skipChildren
            }
            return .visitChildren
        }
        return result
    }

    private struct OutlineEntry: Equatable, CustomStringConvertible {
        var kind: NodeKind
        var start: Int
        var end: Int
        var description: String { "\(GoGrammar.name(of: kind))@\(start)-\(end)" }
    }
}
