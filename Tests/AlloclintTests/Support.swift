import AlloclintAnalysis
import AlloclintEngine
import AlloclintRules
import Foundation
import XCTest

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A finding reduced to what `// want` annotations state: where, and which rule.
struct Expectation: Hashable, Comparable, CustomStringConvertible {
    var path: String
    var line: Int
    var rule: String

    static func < (lhs: Expectation, rhs: Expectation) -> Bool {
        (lhs.path, lhs.line, lhs.rule) < (rhs.path, rhs.line, rhs.rule)
    }

    var description: String { "\(path):\(line): \(rule)" }
}

enum Annotations {
    /// Every `// want "rule" "rule"…` in `text`, as expectations for `path`.
    static func wants(in text: String, path: String) -> [Expectation] {
        var result: [Expectation] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "// want ") else { continue }
            var rest = line[range.upperBound...]
            while let open = rest.firstIndex(of: "\"") {
                let afterOpen = rest.index(after: open)
                guard let close = rest[afterOpen...].firstIndex(of: "\"") else { break }
                result.append(Expectation(path: path, line: index + 1, rule: String(rest[afterOpen..<close])))
                rest = rest[rest.index(after: close)...]
            }
        }
        return result
    }

    /// `// alloclint-test: option NAME=VALUE` lines, typed by the catalogue's option types.
    static func options(in text: String, rule: RuleDescription) -> [String: OptionValue] {
        var result: [String: OptionValue] = [:]
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: "// alloclint-test: option ") else { continue }
            let setting = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let option = rule.options.first(where: { $0.name == parts[0] }) else {
                XCTFail("bad fixture option line: \(line)")
                continue
            }
            switch option.type {
            case "bool": result[parts[0]] = .bool(parts[1] == "true")
            case "int": result[parts[0]] = .int(Int(parts[1]) ?? 0)
            case "strings": result[parts[0]] = .strings(parts[1].split(separator: ",").map(String.init))
            default: result[parts[0]] = .string(parts[1])
            }
        }
        return result
    }
}

/// Runs the real engine on `paths` with only `rule` (and syntax-error) enabled.
func lintOnly(rule: String, paths: [String], options: [String: OptionValue] = [:], goVersion: GoVersion? = nil) throws -> LintResult {
    var lintOptions = LintOptions()
    lintOptions.paths = paths
    lintOptions.useConfig = false
    lintOptions.jobs = 1
    lintOptions.goVersion = goVersion
    lintOptions.disable = registeredRules.map { $0.id }.filter { $0 != rule && $0 != "syntax-error" }
    lintOptions.ruleOptions = [rule: options]
    return try Linter(options: lintOptions).run()
}

/// Compares findings with expectations and fails with a readable list of differences.
func assertMatches(_ result: LintResult, _ expected: [Expectation], context: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.errors, [], "\(context): engine errors", file: file, line: line)
    let actual = result.findings.map { Expectation(path: absolute($0.path), line: $0.range.start.line, rule: $0.ruleID) }
    let expectedAbsolute = expected.map { Expectation(path: absolute($0.path), line: $0.line, rule: $0.rule) }
    var missing = expectedAbsolute, unexpected: [Expectation] = []
    for finding in actual {
        if let index = missing.firstIndex(of: finding) { missing.remove(at: index) } else { unexpected.append(finding) }
    }
    let messages = result.findings.map { "\($0.path):\($0.range.start.line): \($0.ruleID): \($0.message)" }
    XCTAssert(missing.isEmpty && unexpected.isEmpty, """
        \(context)
        missing (// want without a finding): \(missing.sorted().map(\.description))
        unexpected (finding without // want): \(unexpected.sorted().map(\.description))
        all findings: \(messages)
        """, file: file, line: line)
}

func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}
