import AlloclintSyntax
@testable import AlloclintAnalysis
import XCTest

final class AnalysisTypeTests: XCTestCase {
    func testKindsOfExpressions() throws {
        let fixture = AnalysisFixture("""
            package p

            import (
            \t"bytes"
            \t"errors"
            \t"fmt"
            \t"strconv"
            \tgosync "sync"
            \t"time"
            )

            type frame []byte
            type empty struct{}
            type link struct{ next *link }
            type stats struct{ n int; name string }
            type iface interface{ M() }
            type server struct {
            \tpool  gosync.Pool
            \tbufs  *gosync.Pool
            \tstats
            }

            func make2() (*server, error) { return nil, nil }

            func (s *server) name() string { return "" }

            func f(p *gosync.Pool, xs []string, m map[string][]int, ch chan bool, n int, fs ...frame) {
            \ta := p.Get().([]byte)
            \tb := p.Get().(*bytes.Buffer)
            \tc := frame(a)
            \td := empty{}
            \te := link{}
            \tg := &stats{}
            \th := strconv.Itoa(n)
            \ti := bytes.NewBuffer(nil)
            \tj := errors.New("x")
            \tk := fmt.Errorf("x")
            \tl := time.Now()
            \tq := len(xs)
            \tvar r iface
            \ts, err := make2()
            \tt := s.name()
            \tu := s.pool
            \tv := s.bufs
            \tw := s.n
            \tvar arr [4]byte
            \tsl := arr[:]
            \tfor i, x := range xs { use(i, x) }
            \tfor k, vs := range m { use(k, vs) }
            \tok := <-ch
            \tst := xs[0]
            \tby := h[0]
            \tnw := new(stats)
            \tmk := make(map[string]int)
            \tzz := struct{}{}
            \tfn := func() {}
            \tuse(a, b, c, d, e, g, h, i, j, k, l, q, r, s, err, t, u, v, w, sl, ok, st, by, nw, mk, zz, fn, fs, 'x', 1.5, true, n > 2)
            }
            """)
        let file = fixture.file
        let call = try XCTUnwrap(fixture.node("use(a, b")?.parent)
        var arguments: [String: Node] = [:]
        for argument in call.child(.arguments)!.namedChildren { arguments[file.tree.text(argument)] = argument }
        let expected: [(String, TypeKind)] = [
            ("a", .slice), ("b", .pointer), ("c", .slice), ("d", .structValue(zeroSize: true)),
            ("e", .structValue(zeroSize: false)), ("g", .pointer), ("h", .string), ("i", .pointer),
            ("j", .interface), ("k", .interface), ("l", .unknown), ("q", .basic(.integer)), ("r", .interface),
            ("s", .pointer), ("err", .interface), ("t", .string), ("u", .structValue(zeroSize: false)),
            ("v", .pointer), ("w", .basic(.integer)), ("sl", .slice), ("ok", .basic(.bool)), ("st", .string),
            ("by", .basic(.byteSized)), ("nw", .pointer), ("mk", .map), ("zz", .structValue(zeroSize: true)),
            ("fn", .function), ("fs", .slice),
        ]
        for (name, kind) in expected {
            let node = try XCTUnwrap(arguments[name], name)
            XCTAssertEqual(file.typeKind(of: node), kind, name)
        }
        XCTAssertEqual(file.typeKind(of: fixture.node("'x'")!), .basic(.integer))
        XCTAssertEqual(file.typeKind(of: fixture.node("1.5")!), .basic(.float))
        XCTAssertEqual(file.typeKind(of: fixture.expression("n > 2")!), .basic(.bool))
        XCTAssertEqual(file.typeKind(of: fixture.node("use(i, x)", offset: 4)!), .basic(.integer))
        XCTAssertEqual(file.typeKind(of: fixture.node("use(i, x)", offset: 7)!), .string)
        XCTAssertEqual(file.typeKind(of: fixture.node("use(k, vs)", offset: 7)!), .slice)
        // sync.Pool through the alias, and fields.
        XCTAssertTrue(file.type(of: fixture.node("u := s.pool", offset: 0)!).isSyncPool)
        XCTAssertEqual(file.type(of: fixture.node("v := s.bufs")!).pointee?.isSyncPool, true)
        // Layouts: a struct whose only field is a pointer is stored directly in an interface.
        XCTAssertEqual(file.layout(of: file.type(of: fixture.node("e := link")!)), .pointerShaped)
        XCTAssertEqual(file.layout(of: file.type(of: fixture.node("d := empty")!)), .zeroSize)
        XCTAssertEqual(file.layout(of: file.type(of: fixture.node("g := &stats")!)), .pointerShaped)
        XCTAssertEqual(file.layout(of: file.type(of: fixture.node("arr [4]")!)), .other)
        // Promoted method of an embedded sync.Pool.
        let server = try XCTUnwrap(file.resolve(fixture.node("s *server")!))
        let owner = file.methodOwner(of: file.type(of: server), named: "name")
        XCTAssertNotNil(owner)
        XCTAssertNil(file.methodOwner(of: file.type(of: server), named: "Put"))
    }

    func testCyclesAndDepthAreBounded() throws {
        var text = "package p\n\nvar a = b\nvar b = a\n\ntype T *T\n\nfunc f() {\n\tx := "
        text += String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        text += "\n\tvar t T\n\tuse(x, t, a)\n}\n"
        let fixture = AnalysisFixture(text)
        let file = fixture.file
        XCTAssertEqual(file.typeKind(of: fixture.node("use(x", offset: 4)!), .unknown)
        XCTAssertEqual(file.typeKind(of: fixture.node("t, a)", offset: 0)!), .pointer)
        XCTAssertEqual(file.typeKind(of: fixture.node("a)\n", offset: 0)!), .unknown)
    }

    func testEmbeddedPoolAndDotImport() throws {
        let fixture = AnalysisFixture("""
            package p

            import . "sync"

            type cache struct {
            \tPool
            \thits int
            }

            type ring struct{}

            func (r *ring) Put(b []byte) {}

            func f(c *cache, r *ring) {
            \tc.Put(nil)
            \tr.Put(nil)
            }
            """)
        let file = fixture.file
        let cache = file.type(of: try XCTUnwrap(fixture.node("c.Put")))
        XCTAssertEqual(file.methodOwner(of: cache, named: "Put")?.isSyncPool, true)
        let ring = file.type(of: try XCTUnwrap(fixture.node("r.Put")))
        XCTAssertEqual(file.methodOwner(of: ring, named: "Put")?.isSyncPool, false)
    }
}
