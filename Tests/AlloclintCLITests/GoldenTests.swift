import Foundation
import XCTest

/// Every output format against a checked-in golden file. `UPDATE_GOLDEN=1 make test` rewrites
/// them; review the diff before committing.
final class GoldenTests: XCTestCase {
    static let formats: [(format: String, file: String)] = [("text", "expected.txt"), ("json", "expected.json")]

    func testGoldenOutputs() throws {
        let golden = repositoryRoot.appendingPathComponent("Tests/AlloclintCLITests/Golden")
        let input = golden.appendingPathComponent("input")
        for (format, file) in Self.formats {
            let run = try alloclint(["--format", format, "--no-config", "./..."], in: input)
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            let expectedURL = golden.appendingPathComponent(file)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try run.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            XCTAssertEqual(run.stdout, expected, "\(format) output differs from \(file) (UPDATE_GOLDEN=1 make test to accept)")
        }
    }
}
