@testable import AlloclintEngine
import AlloclintRules
import Foundation
import XCTest

/// Editor mode sees a package as a directory run does: linting each non-test file of net/http
/// through stdin, where the declarations of the other non-test files are parsed only when the
/// file's analysis looks their names up (its 26 test files are not read), gives exactly the
/// findings of the directory run over all 51 files.
final class StdinContextTests: XCTestCase {
    func testEveryFileOfNetHTTPLintsAsInTheDirectoryRun() throws {
        let directory = "/usr/share/go-1.19/src/net/http"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw XCTSkip("\(directory) is not installed (golang-1.19-src)")
        }
        let whole = try lint { $0.paths = [directory] }
        XCTAssertEqual(whole.errors, [])
        let byFile = Dictionary(grouping: whole.findings.map(describe), by: { String($0.prefix { $0 != ":" }) })
        var compared = 0
        // The non-test files (half of the package's lines): enough to cover its declarations.
        for name in names.sorted() where name.hasSuffix(".go") && !name.hasSuffix("_test.go") {
            let path = directory + "/" + name
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            if String(decoding: bytes.prefix(200), as: UTF8.self).contains("DO NOT EDIT.") { continue }
            let alone = try lint { options in
                options.stdin = bytes
                options.stdinFilename = path
            }
            XCTAssertEqual(alone.findings.map(describe), byFile[path] ?? [], path)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 20)
    }

    private func lint(_ configure: (inout LintOptions) -> Void) throws -> LintResult {
        var options = LintOptions()
        options.useConfig = false
        options.jobs = 2  // one package: its files are parsed on two threads
        configure(&options)
        return try Linter(options: options).run()
    }

    private func describe(_ finding: Finding) -> String {
        "\(finding.path):\(finding.range.start.line):\(finding.range.start.column)-\(finding.range.end.line):\(finding.range.end.column): \(finding.ruleID): \(finding.message)"
    }
}

/// Standard input parsed ahead, on a thread of its own, gives the run the same tree-derived
/// findings as a parse made by the engine; a text that changed since (fixes) is parsed again.
final class StandardInputPrefetchTests: XCTestCase {
    private let source = """
        package p

        func f(xs []int) map[int]bool {
        \tm := map[int]bool{}
        \tfor _, x := range xs {
        \t\tm[x] = true
        \t}
        \treturn m
        }

        """

    private func prefetch(_ text: String) -> StandardInputPrefetch {
        let pipe = Pipe()
        let prefetch = StandardInputPrefetch(reading: pipe.fileHandleForReading)
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        return prefetch
    }

    private func lint(_ bytes: [UInt8], fix: Bool = false, prefetch: StandardInputPrefetch?) throws -> LintResult {
        var options = LintOptions()
        options.useConfig = false
        options.stdin = bytes
        options.stdinFilename = "p/main.go"
        options.stdinPrefetch = prefetch
        if fix { options.fixMode = .diff }
        return try Linter(options: options).run()
    }

    func testTheRunUsesTheTreeParsedAheadAndFindsTheSame() throws {
        let ahead = prefetch(source)
        XCTAssertEqual(ahead.contents, Array(source.utf8))
        let withTree = try lint(ahead.contents, prefetch: ahead)
        let without = try lint(Array(source.utf8), prefetch: nil)
        XCTAssertEqual(withTree.findings.map(\.ruleID), ["map-prealloc"])
        XCTAssertEqual(withTree.findings, without.findings)
        // The tree went to the run: it is given once.
        XCTAssertNil(ahead.takeTree(matching: Array(source.utf8)))
    }

    func testATextThatIsNotStandardInputsGetsNoTree() {
        let ahead = prefetch(source)
        XCTAssertNil(ahead.takeTree(matching: Array((source + "// changed\n").utf8)))
        XCTAssertNotNil(ahead.takeTree(matching: Array(source.utf8)))
    }

    func testFixesAreCheckedOnTheFixedText() throws {
        let ahead = prefetch(source)
        let fixed = try lint(ahead.contents, fix: true, prefetch: ahead)
        let expected = try lint(Array(source.utf8), fix: true, prefetch: nil)
        XCTAssertEqual(fixed.fixedFiles.map(\.fixed), expected.fixedFiles.map(\.fixed))
        XCTAssertEqual(fixed.findings, expected.findings)
        XCTAssertFalse(fixed.fixedFiles.isEmpty)
    }
}
