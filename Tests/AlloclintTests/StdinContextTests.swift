import AlloclintEngine
import AlloclintRules
import Foundation
import XCTest

/// Editor mode sees a package as a directory run does: linting each file of net/http (51 files,
/// declarations spread over many of them) through stdin, where only the declarations a file can
/// observe of the other files are parsed, gives exactly the findings of the directory run.
final class StdinContextTests: XCTestCase {
    func testEveryFileOfStandardLibraryPackagesLintsAsInTheDirectoryRun() throws {
        let root = "/usr/share/go-1.19/src"
        var compared = 0
        for package in ["net/http"] {
            let directory = root + "/" + package
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw XCTSkip("\(root) is not installed")
            }
            let whole = try lint { $0.paths = [directory] }
            XCTAssertEqual(whole.errors, [])
            let byFile = Dictionary(grouping: whole.findings.map(describe), by: { String($0.prefix { $0 != ":" }) })
            for name in names.sorted() where name.hasSuffix(".go") {
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
        }
        XCTAssertGreaterThan(compared, 40)
    }

    private func lint(_ configure: (inout LintOptions) -> Void) throws -> LintResult {
        var options = LintOptions()
        options.useConfig = false
        options.jobs = 1
        configure(&options)
        return try Linter(options: options).run()
    }

    private func describe(_ finding: Finding) -> String {
        "\(finding.path):\(finding.range.start.line):\(finding.range.start.column)-\(finding.range.end.line):\(finding.range.end.column): \(finding.ruleID): \(finding.message)"
    }
}
