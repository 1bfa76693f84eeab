import AlloclintEngine
import AlloclintRules
import Foundation
import XCTest

/// Editor mode sees a package as a directory run does: linting each non-test file of net/http
/// (declarations spread over 50 files) through stdin, where only the declarations a file can
/// observe of the other files are parsed, gives exactly the findings of the directory run.
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
