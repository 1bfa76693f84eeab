import AlloclintEngine
import AlloclintReporters
import AlloclintRules
import AlloclintSyntax
import XCTest

/// The fix applier (overlaps, refusals) and the unified diff renderer.
final class FixApplierTests: XCTestCase {
    let source = Array("package p\n\nfunc f() {\n\tx := 1\n\t_ = x\n}\n".utf8)

    /// A fix replacing the first occurrence of `text` in `bytes`.
    private func replacing(_ text: String, with replacement: String, in bytes: [UInt8]) -> Fix {
        let needle = Array(text.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
        return Fix(description: "replace \(text)", edits: [TextEdit(range: start..<start + needle.count, replacement: replacement)])
    }

    func testAppliesIndependentFixes() throws {
        let parser = try GoParser()
        let fixes = [replacing("x := 1", with: "x := 2", in: source), replacing("_ = x", with: "_ = x + 1", in: source)]
        let outcome = FixApplier.apply(fixes, to: source, parser: parser)
        XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self), "package p\n\nfunc f() {\n\tx := 2\n\t_ = x + 1\n}\n")
        XCTAssertEqual(outcome.applied.count, 2)
        XCTAssertEqual(outcome.refused, [])
        XCTAssertEqual(outcome.deferred, [])
    }

    func testOverlappingFixWaitsForTheNextRound() throws {
        let parser = try GoParser()
        let first = replacing("x := 1", with: "x := 2", in: source)
        let overlapping = replacing(":= 1", with: "= 3", in: source)
        let outcome = FixApplier.apply([overlapping, first], to: source, parser: parser)
        XCTAssertEqual(outcome.applied, [first])
        XCTAssertEqual(outcome.deferred, [overlapping])
        XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self), "package p\n\nfunc f() {\n\tx := 2\n\t_ = x\n}\n")
    }

    func testRefusesAFixThatBreaksTheSyntaxAndKeepsTheOthers() throws {
        let parser = try GoParser()
        let good = replacing("x := 1", with: "x := 2", in: source)
        let breaking = replacing("_ = x", with: "_ = x +", in: source)
        let outcome = FixApplier.apply([good, breaking], to: source, parser: parser)
        XCTAssertEqual(outcome.applied, [good])
        XCTAssertEqual(outcome.refused, [breaking])
        XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self), "package p\n\nfunc f() {\n\tx := 2\n\t_ = x\n}\n")
    }

    func testOutOfRangeEditIsNotApplied() throws {
        let parser = try GoParser()
        let beyond = Fix(description: "beyond", edits: [TextEdit(range: source.count..<source.count + 4, replacement: "")])
        let outcome = FixApplier.apply([beyond], to: source, parser: parser)
        XCTAssertEqual(outcome.bytes, source)
        XCTAssertEqual(outcome.applied, [])
    }
}

final class UnifiedDiffTests: XCTestCase {
    private func diff(_ old: String, _ new: String) -> String {
        UnifiedDiff.render(path: "p/a.go", original: Array(old.utf8), fixed: Array(new.utf8))
    }

    private func numbered(_ range: ClosedRange<Int>, changing: Set<Int> = []) -> String {
        range.map { changing.contains($0) ? "changed \($0)\n" : "line \($0)\n" }.joined()
    }

    func testIdenticalSourcesHaveNoDiff() {
        XCTAssertEqual(diff("a\nb\n", "a\nb\n"), "")
    }

    func testOneChangedLineWithContext() {
        XCTAssertEqual(diff(numbered(1...10), numbered(1...10, changing: [5])), """
            --- a/p/a.go
            +++ b/p/a.go
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +changed 5
             line 6
             line 7
             line 8

            """)
    }

    func testDistantChangesMakeTwoHunksAndCloseOnesOne() {
        let twoHunks = diff(numbered(1...20), numbered(1...20, changing: [2, 18]))
        XCTAssertEqual(twoHunks.components(separatedBy: "\n@@ ").count - 1, 2, twoHunks)
        XCTAssertTrue(twoHunks.contains("@@ -1,5 +1,5 @@\n"), twoHunks)
        XCTAssertTrue(twoHunks.contains("@@ -15,6 +15,6 @@\n"), twoHunks)
        let oneHunk = diff(numbered(1...20), numbered(1...20, changing: [5, 11]))
        XCTAssertTrue(oneHunk.contains("@@ -2,13 +2,13 @@\n"), oneHunk)
    }

    func testInsertionsDeletionsAndMissingFinalNewline() {
        XCTAssertEqual(diff("a\nb", "a\nc"), """
            --- a/p/a.go
            +++ b/p/a.go
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file

            """)
        XCTAssertEqual(diff("", "x\n"), "--- a/p/a.go\n+++ b/p/a.go\n@@ -0,0 +1 @@\n+x\n")
        XCTAssertEqual(diff("a\nb\nc\n", "a\nc\n"), "--- a/p/a.go\n+++ b/p/a.go\n@@ -1,3 +1,2 @@\n a\n-b\n c\n")
    }
}
