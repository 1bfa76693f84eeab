import AlloclintEngine
@testable import AlloclintReporters
import AlloclintRules
import AlloclintSyntax
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The sarif, github and checkstyle reporters on findings built here (related locations, fixes,
/// hostile text) and on the engine's findings; the CLI golden files cover the wiring.
final class ReporterTests: XCTestCase {
    // MARK: SARIF

    func testFingerprintsSurviveLinesInsertedAbove() throws {
        let before = try sarifResults(lintSource(deferInLoop))
        let after = try sarifResults(lintSource("// A comment.\n\n" + deferInLoop.replacingOccurrences(of: "package p\n", with: "package p\n\nvar unrelated = 1\n")))
        XCTAssertEqual(before.count, 1)
        XCTAssertEqual(after.count, 1)
        XCTAssertNotEqual(line(of: before[0]), line(of: after[0]), "the finding moved")
        XCTAssertEqual(fingerprint(of: before[0]), fingerprint(of: after[0]))
        let reindented = try sarifResults(lintSource(deferInLoop.replacingOccurrences(of: "\t\tdefer f.Close()", with: "\t\tdefer  f.Close( )")))
        XCTAssertNotEqual(fingerprint(of: before[0]), fingerprint(of: reindented[0]), "a changed line is a different line")
    }

    func testFingerprintsDifferForIdenticalLines() throws {
        let twice = deferInLoop.replacingOccurrences(of: "\t\tdefer f.Close()\n", with: "\t\tdefer f.Close()\n\t\tdefer f.Close()\n")
        let results = try sarifResults(lintSource(twice))
        XCTAssertEqual(results.count, 2)
        let fingerprints = results.map(fingerprint(of:))
        XCTAssertNotEqual(fingerprints[0], fingerprints[1])
        XCTAssertEqual(fingerprints.map { $0.split(separator: ":")[0] }.count, 2)
        XCTAssertEqual(fingerprints[0].split(separator: ":")[0], fingerprints[1].split(separator: ":")[0], "same line text, same hash")
        XCTAssertEqual(fingerprints.map { $0.split(separator: ":")[1] }, ["1", "2"], "told apart by the occurrence counter")
    }

    func testFNV1aMatchesPublishedVectors() {
        // Test vectors of the FNV-1a 64-bit reference implementation.
        XCTAssertEqual(fnv1a(""), "cbf29ce484222325")
        XCTAssertEqual(fnv1a("a"), "af63dc4c8601ec8c")
        XCTAssertEqual(fnv1a("foobar"), "85944171f73967e8")
    }

    func testRelatedLocationsFixesAndUTF16Columns() throws {
        let source = SourceText("package p\n\n// é𝄞\nfunc f() { /* ü */ use(buf[0]) }\n")
        let use = try finding("pool-use-after-put", .error, source, at: "buf[0]", message: "`buf` is used after b[:0] was put back",
                              related: [("use", "the Put")],
                              fix: Fix(description: "copy first", edits: [TextEdit(range: byteRange("buf", in: source), replacement: "bytes.Clone(buf)")]))
        let result = lintResult([use], sources: ["pkg/é x.go": source])
        let sarif = try object(SARIFReporter().render(result, context()).text)
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let item = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)

        XCTAssertEqual((item["message"] as? [String: Any])?["text"] as? String,
                       "`buf` is used after b\\[:0\\] was put back ([the Put](1))")
        XCTAssertEqual(item["level"] as? String, "error")
        XCTAssertEqual(item["ruleId"] as? String, "pool-use-after-put")
        let catalogue = try Catalogue.all()
        XCTAssertEqual(item["ruleIndex"] as? Int, catalogue.firstIndex { $0.id == "pool-use-after-put" })

        let location = try XCTUnwrap((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
        XCTAssertEqual(artifact["uri"] as? String, "pkg/%C3%A9%20x.go")
        XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
        // "func f() { /* ü */ use(" is 23 UTF-16 units (24 bytes): `buf` starts at column 24.
        let region = try XCTUnwrap(location["region"] as? [String: Int])
        XCTAssertEqual(region, ["startLine": 4, "startColumn": 24, "endLine": 4, "endColumn": 30])

        let related = try XCTUnwrap(item["relatedLocations"] as? [[String: Any]])
        XCTAssertEqual(related.count, 1)
        XCTAssertEqual(related[0]["id"] as? Int, 1)
        XCTAssertEqual((related[0]["message"] as? [String: Any])?["text"] as? String, "the Put")
        XCTAssertEqual(((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startColumn"], 20)

        let fix = try XCTUnwrap((item["fixes"] as? [[String: Any]])?.first)
        XCTAssertEqual((fix["description"] as? [String: Any])?["text"] as? String, "copy first")
        let change = try XCTUnwrap((fix["artifactChanges"] as? [[String: Any]])?.first)
        XCTAssertEqual((change["artifactLocation"] as? [String: Any])?["uri"] as? String, "pkg/%C3%A9%20x.go")
        let replacement = try XCTUnwrap((change["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual(replacement["deletedRegion"] as? [String: Int], ["byteOffset": byteRange("buf", in: source).lowerBound, "byteLength": 3])
        XCTAssertEqual((replacement["insertedContent"] as? [String: Any])?["text"] as? String, "bytes.Clone(buf)")

        XCTAssertEqual(run["columnKind"] as? String, "utf16CodeUnits")
        XCTAssertEqual((run["automationDetails"] as? [String: Any])?["id"] as? String, "alloclint/")
        XCTAssertEqual((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"], "file:///work/my%20repo/")
    }

    func testDriverDescribesEveryCatalogueRule() throws {
        let sarif = try object(SARIFReporter().render(LintResult(), context()).text)
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        XCTAssertNotNil(sarif["$schema"] as? String)
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0, "results is present when there are none")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        for key in ["name", "version", "semanticVersion", "informationUri"] { XCTAssertNotNil(driver[key] as? String, key) }
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let catalogue = try Catalogue.all()
        XCTAssertEqual(rules.map { $0["id"] as? String }, catalogue.map(\.id))
        for (rule, entry) in zip(rules, catalogue) {
            XCTAssertEqual(rule["name"] as? String, entry.name)
            XCTAssertEqual((rule["shortDescription"] as? [String: String])?["text"], entry.summary)
            let full = try XCTUnwrap((rule["fullDescription"] as? [String: String])?["text"])
            XCTAssertTrue(full.hasPrefix(entry.summary), entry.id)
            XCTAssertLessThanOrEqual(full.count, 1024, entry.id)
            XCTAssertEqual((rule["help"] as? [String: String])?["markdown"], entry.markdown)
            XCTAssertEqual((rule["help"] as? [String: String])?["text"], entry.plainText)
            XCTAssertEqual((rule["defaultConfiguration"] as? [String: String])?["level"], entry.severity.rawValue)
            let properties = try XCTUnwrap(rule["properties"] as? [String: Any])
            XCTAssertEqual(properties["tags"] as? [String], entry.tags)
            XCTAssertEqual(properties["precision"] as? String, entry.precision)
        }
    }

    func testResultsAreCappedMostSevereFirstWithAWarning() throws {
        let source = SourceText("package p\n\nvar a, b, c, d = 1, 2, 3, 4\n")
        let findings = try zip(["a", "b", "c", "d"], [Severity.note, .error, .warning, .error]).map { name, severity in
            try finding("interface-param", severity, source, at: name)
        }
        let report = SARIFReporter(maximumResults: 2).render(lintResult(findings, sources: ["p.go": source]), context())
        let results = try sarifResults(report.text)
        XCTAssertEqual(results.map { $0["level"] as? String }, ["error", "error"])
        XCTAssertEqual(results.map(line(of:)), [3, 3])
        XCTAssertEqual(report.warnings.count, 1)
        XCTAssertTrue(report.warnings[0].contains("capped at 2 of 4 results"), report.warnings[0])
        XCTAssertEqual(SARIFReporter.maximumResults, 25_000)
        XCTAssertEqual(SARIFReporter().render(lintResult(findings, sources: ["p.go": source]), context()).warnings, [])
    }

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let source = SourceText("package p\n\n// é𝄞\nfunc f() { /* ü */ use(buf[0]) }\n")
        let rich = lintResult(
            [
                try finding("pool-use-after-put", .error, source, at: "buf[0]", related: [("use", "the Put")],
                            fix: Fix(description: "d", edits: [TextEdit(range: 0..<0, replacement: "// x\n")])),
                try finding("interface-param", .note, source, at: "use"),
            ],
            errors: [LintError(path: "bad.go", message: "cannot read: permission denied"),
                     LintError(path: ".linter.yaml", line: 3, column: 4, message: "unknown key"),
                     LintError(message: "--exclude: bad glob")],
            sources: ["/abs/path/x.go": source])
        var examples = LintOptions()
        examples.paths = [repositoryRoot.appendingPathComponent("examples").path + "/..."]
        examples.useConfig = false  // the repository's own .linter.yaml is not what these findings test
        let realistic = try Linter(options: examples).run()
        XCTAssertGreaterThan(Set(realistic.findings.map { ($0.path as NSString).deletingLastPathComponent }).count, 1,
                             "the examples module has findings in several packages")
        try assertValidSARIF([
            ("empty", SARIFReporter().render(LintResult(), context()).text),
            ("related, fix, errors, absolute path", SARIFReporter().render(rich, context()).text),
            ("examples/ module", SARIFReporter().render(realistic, ReportContext(catalogue: try Catalogue.all())).text),
        ])
    }

    // MARK: github

    func testGitHubCommandsEscapeDataAndProperties() throws {
        let source = SourceText("package p\n\nvar é, long = 1, func() {\n}\n")
        let single = try finding("interface-param", .note, source, path: "a,b:c.go", at: "long", message: "50% off\r\nnext")
        let multi = try finding("defer-in-loop", .error, source, path: "a,b:c.go", at: "func() {\n}")
        let text = GitHubReporter().render(lintResult([single, multi]), context()).text
        XCTAssertEqual(text, """
            ::notice file=a%2Cb%3Ac.go,line=3,col=8,endLine=3,endColumn=12,title=alloclint%3A interface-param::50%25 off%0D%0Anext
            ::error file=a%2Cb%3Ac.go,line=3,endLine=4,title=alloclint%3A defer-in-loop::m

            """)
    }

    // MARK: checkstyle

    func testCheckstyleIsWellFormedXMLThatKeepsTheText() throws {
        let source = SourceText("package p\n\nvar é, x = 1, 2\n")
        let hostile = "a <b> & \"c\" 'd'\nline two\u{1}"
        let findings = [
            try finding("interface-param", .note, source, path: "a&b.go", at: "x", message: hostile),
            try finding("defer-in-loop", .error, source, path: "z.go", at: "x"),
        ]
        let xml = CheckstyleReporter().render(lintResult(findings), context()).text
        let errors = try parseCheckstyle(xml)
        XCTAssertEqual(errors.map { $0["file"] }, ["a&b.go", "z.go"])
        XCTAssertEqual(errors[0]["message"], "a <b> & \"c\" 'd'\nline two\u{FFFD}")
        XCTAssertEqual(errors[0]["severity"], "info")
        XCTAssertEqual(errors[0]["column"], "9", "UTF-8 bytes, like the text format")
        XCTAssertEqual(errors[0]["line"], "3")
        XCTAssertEqual(errors[0]["source"], "alloclint.interface-param")
        XCTAssertEqual(errors[1]["severity"], "error")
        XCTAssertEqual(try parseCheckstyle(CheckstyleReporter().render(LintResult(), context()).text).count, 0)
    }

    // MARK: Helpers

    private let deferInLoop = """
        package p

        import "os"

        func closeAll(paths []string) {
        	for _, path := range paths {
        		f, _ := os.Open(path)
        		defer f.Close()
        	}
        }

        """

    private func lintResult(_ findings: [Finding], errors: [LintError] = [], sources: [String: SourceText] = [:]) -> LintResult {
        var result = LintResult()
        result.findings = findings
        result.errors = errors
        result.sources = sources
        return result
    }

    private func context() -> ReportContext {
        var context = ReportContext(catalogue: (try? Catalogue.all()) ?? [])
        context.workingDirectory = "/work/my repo"
        return context
    }

    /// The engine's findings for one file `p/a.go` with `source`.
    private func lintSource(_ source: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-reporter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("p"), withIntermediateDirectories: true)
        try source.write(to: root.appendingPathComponent("p/a.go"), atomically: true, encoding: .utf8)
        var options = LintOptions()
        options.paths = [root.path + "/..."]
        options.useConfig = false
        var result = try Linter(options: options).run()
        // Paths outside the working directory are absolute; make them the same for every run.
        for index in result.findings.indices { result.findings[index].path = "p/a.go" }
        result.sources = Dictionary(uniqueKeysWithValues: result.sources.map { ("p/a.go", $0.value) })
        return SARIFReporter().render(result, context()).text
    }

    private func object(_ json: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    private func sarifResults(_ json: String) throws -> [[String: Any]] {
        let run = try XCTUnwrap((try object(json)["runs"] as? [[String: Any]])?.first)
        return try XCTUnwrap(run["results"] as? [[String: Any]])
    }

    private func fingerprint(of result: [String: Any]) -> String {
        (result["partialFingerprints"] as? [String: String])?["alloclintLineHash/v1"] ?? ""
    }

    private func line(of result: [String: Any]) -> Int {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return (location?["region"] as? [String: Int])?["startLine"] ?? 0
    }

    private func fnv1a(_ text: String) -> String {
        var hash = FNV1a64()
        hash.combine(text.utf8)
        return hash.hex
    }

    private func byteRange(_ needle: String, in source: SourceText) -> Range<Int> {
        let bytes = Array(needle.utf8)
        let start = (0...(source.bytes.count - bytes.count)).first { Array(source.bytes[$0..<$0 + bytes.count]) == bytes } ?? 0
        return start..<start + bytes.count
    }

    /// A finding at the first occurrence of `needle`, with related locations at other needles.
    private func finding(_ rule: String, _ severity: Severity = .warning, _ source: SourceText, path: String = "pkg/é x.go",
                         at needle: String, message: String = "m", related: [(String, String)] = [], fix: Fix? = nil) throws -> Finding {
        Finding(ruleID: rule, severity: severity, message: message, path: path,
                range: source.range(of: byteRange(needle, in: source)),
                related: related.map { RelatedLocation(range: source.range(of: byteRange($0.0, in: source)), message: $0.1) },
                fix: fix)
    }

    /// Every `<error>` of a Checkstyle report, with its attributes and its `<file>`'s name.
    private func parseCheckstyle(_ xml: String) throws -> [[String: String]] {
        final class Collector: NSObject, XMLParserDelegate {
            var file = ""
            var errors: [[String: String]] = []
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if element == "file" { file = attributes["name"] ?? "" }
                if element == "error" { errors.append(attributes.merging(["file": file]) { old, _ in old }) }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "")\n\(xml)")
        return collector.errors
    }

    /// Validates each document with Python's jsonschema against `<repo>/../shared/schemas/
    /// sarif-schema-2.1.0.json`; skips, saying why, when the schema or the validator is absent.
    private func assertValidSARIF(_ documents: [(name: String, text: String)]) throws {
        let schema = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            throw XCTSkip("SARIF schema validation SKIPPED: \(schema.standardizedFileURL.path) is absent")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let url = directory.appendingPathComponent("\(index).sarif")
            try document.text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            validator = jsonschema.Draft4Validator(json.load(open(sys.argv[1])))
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    print(path, "/".join(map(str, error.absolute_path)), error.message)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 3: throw XCTSkip("SARIF schema validation SKIPPED: Python's jsonschema is not installed (pip install jsonschema)")
        case 127: throw XCTSkip("SARIF schema validation SKIPPED: python3 is not installed")
        default: XCTFail("the validator failed with status \(process.terminationStatus)")
        }
        for (index, document) in documents.enumerated() {
            let errors = text.split(separator: "\n").filter { $0.hasPrefix(paths[index] + " ") }
            XCTAssert(errors.isEmpty, "\(document.name): \(errors.count) schema errors:\n" + errors.prefix(20).joined(separator: "\n"))
        }
    }
}
