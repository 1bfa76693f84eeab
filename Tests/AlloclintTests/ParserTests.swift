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
