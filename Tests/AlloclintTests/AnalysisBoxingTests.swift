import AlloclintSyntax
@testable import AlloclintAnalysis
import XCTest

/// Constness, boxing costs, empty interfaces and dead branches (Boxing.swift, DeadCode.swift).
final class AnalysisBoxingTests: XCTestCase {
    private let source = """
        package p

        import (
        \t"math"
        \t"os"
        \t"time"
        \t"unsafe"
        )

        type state int

        const (
        \tidle state = iota
        \tbusy
        )

        const limit = 64
        const debug = false

        type point struct{ x, y int }
        type flag struct{ on bool }
        type empty struct{}
        type link struct{ next *link }
        type stamped struct {
        \tat time.Time
        \tn  int
        }
        type opaque struct{ at time.Time }

        func f(n int, s string, xs []int, arr [4]byte, p *point, m map[string]int, err error, b byte, ok bool, st stamped, op opaque) {
        \tconst local = "x"
        \tuse(1, "a", 'c', 2.5, limit, busy, limit*2+1, state(3), int64(limit), local, -limit, len("abc"), len(arr), unsafe.Sizeof(n), time.Duration(5))
        \tuse(n, s, xs, p, m, err, b, ok, n+limit, len(s), point{1, 2}, point{n, 2}, empty{}, link{}, flag{}, &n, s[0], math.Pi, os.Args, st, op, []int{1})
        }

        func g() {
        \tif debug {
        \t\tuse(1)
        \t}
        \tif !debug && true {
        \t\tuse(2)
        \t} else {
        \t\tuse(3)
        \t}
        \tif debug || unknown() {
        \t\tuse(4)
        \t}
        \tif debug {
        \t\tfunc() { use(5) }()
        \t}
        \tif true {
        \t} else if unknown() {
        \t\tif unknown() {
        \t\t\tuse(6)
        \t\t}
        \t}
        \tfor i := 0; i < 3 && use(7); i++ {
        \t\tuse(8)
        \t\tgo func() { use(9) }()
        \t}
        }
        """

    private func arguments(_ fixture: AnalysisFixture, _ marker: String) throws -> [String: Node] {
        let call = try XCTUnwrap(fixture.node(marker)?.parent)
        var result: [String: Node] = [:]
        for argument in try XCTUnwrap(call.child(.arguments)).namedChildren {
            result[fixture.file.tree.text(argument)] = argument
        }
        return result
    }

    func testConstness() throws {
        let fixture = AnalysisFixture(source)
        let file = fixture.file
        for (text, node) in try arguments(fixture, "use(1, \"a\"") {
            XCTAssertEqual(file.constness(of: node), .constant, text)
        }
        let dynamic = try arguments(fixture, "use(n, s")
        for text in ["n", "s", "xs", "n+limit", "len(s)", "point{1, 2}", "&n", "s[0]", "os.Args"] {
            XCTAssertEqual(file.constness(of: try XCTUnwrap(dynamic[text], text)), .notConstant, text)
        }
        // An imported name may be a constant or a variable.
        XCTAssertEqual(file.constness(of: try XCTUnwrap(dynamic["math.Pi"])), .unknown)
    }

    func testBoxingCosts() throws {
        let fixture = AnalysisFixture(source)
        let file = fixture.file
        let expected: [String: BoxingCost] = [
            "n": .copies(.basic(.integer)), "s": .copies(.string), "xs": .copies(.slice), "n+limit": .copies(.basic(.integer)),
            "len(s)": .copies(.basic(.integer)), "point{1, 2}": .copies(.structValue(zeroSize: false)),
            "point{n, 2}": .copies(.structValue(zeroSize: false)), "s[0]": .free, "[]int{1}": .copies(.slice),
            // Several fields, one of them an int: it takes room whatever time.Time is.
            "st": .copies(.structValue(zeroSize: false)),
            // Only a field of unknown type: could be anything.
            "op": .unknown,
            // One bool field: boxed from the runtime's static table, like the bool.
            "flag{}": .free,
            "p": .free, "m": .free, "err": .free, "b": .free, "ok": .free, "empty{}": .free, "link{}": .free, "&n": .free,
            "math.Pi": .unknown, "os.Args": .copies(.slice),
        ]
        let nodes = try arguments(fixture, "use(n, s")
        for (text, cost) in expected {
            XCTAssertEqual(file.boxingCost(of: try XCTUnwrap(nodes[text], text)), cost, text)
        }
        for (text, node) in try arguments(fixture, "use(1, \"a\"") {
            XCTAssertEqual(file.boxingCost(of: node), .free, text)
        }
    }

    func testEmptyInterfaces() throws {
        let fixture = AnalysisFixture("""
            package p

            type payload interface{}
            type message = any
            type named interface{ Name() string }

            func f(a any, b interface{}, c interface{ /* nothing */ }, d payload, e message, g named, h interface{ M() }) {}
            """, """
            package p

            func h(z payload) {}
            """)
        let file = fixture.file
        // Written directly as the empty interface.
        for marker in ["a any", "b interface", "c interface"] {
            XCTAssertTrue(file.isEmptyInterface(try parameterType(fixture, marker), followingNames: false), marker)
        }
        for marker in ["d payload", "message, g", "g named", "h interface"] {
            XCTAssertFalse(file.isEmptyInterface(try parameterType(fixture, marker), followingNames: false), marker)
        }
        // Through declared names.
        XCTAssertTrue(file.isEmptyInterface(try parameterType(fixture, "d payload"), followingNames: true))
        XCTAssertTrue(file.isEmptyInterface(try parameterType(fixture, "message, g"), followingNames: true))
        XCTAssertFalse(file.isEmptyInterface(try parameterType(fixture, "g named"), followingNames: true))
        // Asked from the first file about a type written in the second.
        let written = try parameterType(fixture, "z payload", in: 1)
        XCTAssertTrue(file.isEmptyInterface(written, writtenIn: fixture.files[1], followingNames: true))
    }

    func testShadowedAnyIsNotTheEmptyInterface() throws {
        let fixture = AnalysisFixture("""
            package p

            func f(x any, y interface{}) {}
            """, """
            package p

            type any = int
            """)
        let file = fixture.file
        XCTAssertFalse(file.isEmptyInterface(try parameterType(fixture, "x any"), followingNames: true))
        XCTAssertTrue(file.isEmptyInterface(try parameterType(fixture, "y interface"), followingNames: false))
    }

    /// The type of the parameter declaration containing the leaf at `marker`.
    private func parameterType(_ fixture: AnalysisFixture, _ marker: String, in index: Int = 0) throws -> Node {
        var node = try XCTUnwrap(fixture.node(marker, in: index))
        while node.kind != .parameterDeclaration, let parent = node.parent { node = parent }
        return try XCTUnwrap(node.child(.type), marker)
    }

    func testDeadBranches() throws {
        let fixture = AnalysisFixture(source)
        let file = fixture.file
        func isDead(_ marker: String) throws -> Bool {
            var context = try enclosingContext(fixture, marker)
            return context.isInDeadBranch(file)
        }
        XCTAssertTrue(try isDead("use(1)"))
        XCTAssertFalse(try isDead("use(2)"))
        XCTAssertTrue(try isDead("use(3)"))
        XCTAssertFalse(try isDead("use(4)"))
        XCTAssertFalse(try isDead("use(5)"), "a func literal is judged on its own")
        XCTAssertTrue(try isDead("use(6)"), "inside the else of a constant-true if")
        XCTAssertNil(try enclosingContext(fixture, "use(7)").enclosingLoop, "the condition is not the body")
        XCTAssertEqual(try enclosingContext(fixture, "use(8)").enclosingLoop?.kind, .forStatement)
        XCTAssertNil(try enclosingContext(fixture, "use(9)").enclosingLoop, "a func literal is a function of its own")
    }

    /// The context of a walk at the call containing the leaf at `marker`.
    private func enclosingContext(_ fixture: AnalysisFixture, _ marker: String) throws -> EnclosingContext {
        var ancestors: [Node] = []
        var node = try XCTUnwrap(fixture.node(marker)?.parent).parent
        while let current = node { ancestors.insert(current, at: 0); node = current.parent }
        var context = EnclosingContext()
        for ancestor in ancestors { context.enter(ancestor, kind: ancestor.kind) }
        return context
    }
}
