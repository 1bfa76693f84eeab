import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The CI formats end to end: SARIF determinism, category and cap; github and checkstyle output
/// that their consumers can parse, with the right column units after non-ASCII text.
final class ReportFormatTests: XCTestCase {
    let examples = repositoryRoot.appendingPathComponent("examples")
    let goldenInput = repositoryRoot.appendingPathComponent("Tests/AlloclintCLITests/Golden/input")

    func testSARIFIsByteIdenticalBetweenRunsAndJobCounts() throws {
        let first = try alloclint(["--no-config", "--format", "sarif", "--jobs", "1", "./..."], in: examples)
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(first.stderr, "", "no summary line or warning for SARIF")
        let second = try alloclint(["--no-config", "--format", "sarif", "--jobs", "2", "./..."], in: examples)
        XCTAssertEqual(first.stdout, second.stdout)

        let root = try makeTree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("alloclint.sarif").path
        XCTAssertEqual(try alloclint(["--no-config", "--format", "sarif", "--output", file, "./..."], in: examples).status, 1)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), first.stdout)
    }

    func testSARIFCategory() throws {
        func category(_ arguments: [String]) throws -> String? {
            let run = try alloclint(["--no-config", "--format", "sarif"] + arguments + ["./..."], in: goldenInput)
            let log = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let runs = log?["runs"] as? [[String: Any]]
            XCTAssertEqual(runs?.count, 1)
            return (runs?.first?["automationDetails"] as? [String: String])?["id"]
        }
        XCTAssertEqual(try category([]), "alloclint/")
        XCTAssertEqual(try category(["--sarif-category", "alloclint/service"]), "alloclint/service")
    }

    func testSARIFIsCappedForGitHubWithAWarning() throws {
        let defers = String(repeating: "\t\tdefer g()\n", count: 25_001)
        let root = try makeTree(["a.go": "package p\n\nfunc f(n int) {\n\tfor i := 0; i < n; i++ {\n\(defers)\t}\n}\n\nfunc g() {}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try alloclint(["--no-config", "--format", "sarif", "a.go"], in: root)
        XCTAssertEqual(run.status, 1, "the exit status still counts every finding")
        XCTAssertEqual(run.stderr, """
            alloclint: warning: SARIF report capped at 25000 of 25001 results (GitHub code scanning rejects more in \
            one run); the most severe were kept

            """)
        XCTAssertEqual(run.stdout.components(separatedBy: "\"ruleId\" : \"defer-in-loop\"").count - 1, 25_000)
    }

    /// The golden input has `/* ü */` before a finding: byte column 12, UTF-16 column 11.
    func testGitHubCommandsParseWithUTF16Columns() throws {
        let run = try alloclint(["--no-config", "--format", "github", "./..."], in: goldenInput)
        XCTAssertEqual(run.stderr, "", "no summary line for workflow commands")
        let commands = try run.stdout.split(separator: "\n").map { line -> (level: String, properties: [String: String], message: String) in
            let match = try XCTUnwrap(line.wholeMatch(of: #/::(error|warning|notice) ([^:]*)::(.*)/#), String(line))
            var properties: [String: String] = [:]
            for pair in match.2.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                XCTAssertEqual(parts.count, 2, String(pair))
                properties[String(parts[0])] = String(parts[1]).removingPercentEncoding
            }
            return (String(match.1), properties, String(match.3))
        }
        XCTAssertEqual(commands.count, 4)
        XCTAssertEqual(commands.first?.level, "error")
        XCTAssertEqual(commands.first?.message, "syntax error near \"names\"")
        let deferInFiles = try XCTUnwrap(commands.first { $0.properties["file"] == "pkg/files.go" })
        XCTAssertEqual(deferInFiles.level, "warning")
        XCTAssertEqual(deferInFiles.properties, ["file": "pkg/files.go", "line": "14", "col": "11", "endLine": "14",
                                                 "endColumn": "26", "title": "alloclint: defer-in-loop"])
        XCTAssertTrue(deferInFiles.message.hasPrefix("defer in a loop"))
    }

    func testCheckstyleParsesWithByteColumns() throws {
        let run = try alloclint(["--no-config", "--format", "checkstyle", "./..."], in: goldenInput)
        /// Each `<error>` with the name of its `<file>`.
        final class Collector: NSObject, XMLParserDelegate {
            var version: String?
            var file = ""
            var errors: [(file: String, attributes: [String: String])] = []
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch element {
                case "checkstyle": version = attributes["version"]
                case "file": file = attributes["name"] ?? ""
                case "error": errors.append((file, attributes))
                default: XCTFail("unexpected element <\(element)>")
                }
            }
        }
        let parser = XMLParser(data: Data(run.stdout.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        XCTAssertEqual(collector.version, "4.3")
        XCTAssertEqual(collector.errors.map(\.file), ["pkg/broken.go", "pkg/broken.go", "pkg/files.go", "pkg/pool.go"])
        XCTAssertEqual(collector.errors.first?.attributes["message"], "syntax error near \"names\"")
        let deferInFiles = try XCTUnwrap(collector.errors.first { $0.file == "pkg/files.go" })
        XCTAssertEqual(deferInFiles.attributes.filter { $0.key != "message" }, [
            "line": "14", "column": "12", "severity": "warning", "source": "alloclint.defer-in-loop",
        ])
    }
}
