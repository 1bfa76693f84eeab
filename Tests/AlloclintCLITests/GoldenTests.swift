import Foundation
import XCTest

/// Every output format against a checked-in golden file. `UPDATE_GOLDEN=1 make test` rewrites
/// them; review the diff before committing.
final class GoldenTests: XCTestCase {
    static let formats: [(format: String, file: String)] = [
        ("text", "expected.txt"), ("json", "expected.json"), ("sarif", "expected.sarif"),
        ("github", "expected.github.txt"), ("checkstyle", "expected.checkstyle.xml"),
    ]
    /// SARIF names the working directory (`%SRCROOT%`): the golden file has this in its place.
    static let sourceRootPlaceholder = "file:///GOLDEN/input/"

    func testGoldenOutputs() throws {
        let golden = repositoryRoot.appendingPathComponent("Tests/AlloclintCLITests/Golden")
        let input = golden.appendingPathComponent("input")
        let sourceRoot = "file://" + input.resolvingSymlinksInPath().path + "/"
        for (format, file) in Self.formats {
            let run = try alloclint(["--format", format, "--no-config", "./..."], in: input)
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            var output = run.stdout.replacingOccurrences(of: sourceRoot, with: Self.sourceRootPlaceholder)
            if format == "sarif" { output = try Self.reducingRuleDescriptors(output) }
            let expectedURL = golden.appendingPathComponent(file)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try output.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            XCTAssertEqual(output, expected, "\(format) output differs from \(file) (UPDATE_GOLDEN=1 make test to accept)")
        }
    }

    /// The SARIF with each `tool.driver.rules` entry reduced to its id, so that editing a rule's
    /// documentation does not change this file (ReporterTests checks the descriptors against the
    /// catalogue). Re-serialised with sorted keys.
    static func reducingRuleDescriptors(_ sarif: String) throws -> String {
        var log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        var runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        var tool = try XCTUnwrap(runs.first?["tool"] as? [String: Any])
        var driver = try XCTUnwrap(tool["driver"] as? [String: Any])
        driver["rules"] = try XCTUnwrap(driver["rules"] as? [[String: Any]]).map { ["id": $0["id"] ?? ""] }
        tool["driver"] = driver
        runs[0]["tool"] = tool
        log["runs"] = runs
        let data = try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
