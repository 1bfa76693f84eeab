@testable import AlloclintSyntax
import XCTest

final class ParserTests: XCTestCase {
    /// The parse time limit counts CPU time: tree-sitter's wall-time timeout only hands control
    /// back, and the parse resumes where it stopped. With slices of half a millisecond a parse
    /// resumes many times and must give the tree of a parse in one go.
    func testParseResumedAfterWallTimeoutsGivesTheSameTree() throws {
        var source = "package p\n\n"
        for index in 0..<3_000 {
            source += "func f\(index)(xs []int) (n int) {\n\tfor _, x := range xs {\n\t\tn += x * \(index)\n\t}\n\treturn n\n}\n\n"
        }
        let text = SourceText(source)
        let whole = try GoParser().parse(text)
        let sliced = try GoParser(timeSlice: 0.000_5).parse(text)
        XCTAssertNil(sliced.unparsedOffset)
        XCTAssertFalse(sliced.root.hasError)
        XCTAssertEqual(nodes(sliced), nodes(whole))
        XCTAssertGreaterThan(nodes(whole).count, 100_000)
    }

    private func nodes(_ tree: SyntaxTree) -> [[Int]] {
        var result: [[Int]] = []
        tree.root.walk { node in
            result.append([Int(node.kind.id), node.startByte, node.endByte])
            return .visitChildren
        }
        return result
    }

    /// The walk that reports descending and ascending: `descend` right after the visit of a node
    /// whose children are walked, `ascend` with the same node after them, in nested order; a leaf,
    /// a skipped node and the nodes after a stop get neither. The stack it keeps is the path to the
    /// visited node at every visit.
    func testWalkReportsDescendingAndAscendingAroundChildrenOnly() throws {
        let tree = try GoParser().parse(SourceText("package p\n\nfunc f() { g(1); h() }\n"))
        var path: [Node] = []
        var descended: [String] = []
        var ascended: [String] = []
        var visitsChecked = 0
        tree.root.walk(visit: { node in
            XCTAssertEqual(path.last, node.parent, "the path ends at the visited node's parent")
            visitsChecked += 1
            if node.kind == .argumentList && tree.text(node) == "(1)" { return .skipChildren }
            return tree.text(node) == "h" ? .stop : .visitChildren
        }, descend: { node in
            path.append(node)
            descended.append(tree.text(node))
        }, ascend: { node in
            XCTAssertEqual(path.popLast(), node, "ascend pairs with the last descend")
            ascended.append(tree.text(node))
        })
        XCTAssertEqual(descended, ["package p\n\nfunc f() { g(1); h() }\n", "package p", "func f() { g(1); h() }", "()",
                                   "{ g(1); h() }", "g(1)", "g(1)", "h()", "h()"])
        XCTAssertEqual(ascended, ["package p", "()", "g(1)", "g(1)"], "not the skipped (1), nor what the stop left open")
        XCTAssertGreaterThan(visitsChecked, 10)
    }

    /// A file parsed twice (declarations first, whole when linted) is tried in a child once: the
    /// second parse takes the first one's verdict.
    func testParseGuardVerdictIsKeptWithTheSource() throws {
        let parser = try GoParser()
        let statements = String(repeating: "\tx = x + 1\n", count: 20_000)
        let risky = SourceText("package p\n\nvar x int\n\nfunc f() {\n" + statements + "}\n")
        XCTAssertTrue(ParserCrashGuard.isRisky(risky.bytes))
        XCTAssertNil(parser.parseDeclarations(risky).unparsedOffset)
        XCTAssertEqual(risky.parseIsSafe, true)

        let refused = SourceText("package p\n\nfunc f() {}\n")
        refused.parseIsSafe = false
        XCTAssertNotNil(parser.parse(refused).unparsedOffset, "a source known to crash the parser is not parsed")
    }
}
