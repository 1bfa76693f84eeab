import AlloclintRules
import Foundation
import XCTest

/// Runs every fixture in `rules/<id>/testdata/` through the engine: a `.go` file is a one-file
/// package, a directory is one package. `// want "rule"` marks each expected finding's line.
final class FixtureTests: XCTestCase {
    func testEveryRuleHasFixtures() throws {
        for entry in try Catalogue.all() {
            let testdata = repositoryRoot.appendingPathComponent("rules/\(entry.id)/testdata")
            XCTAssertFalse(fixturePackages(in: testdata).isEmpty, "rules/\(entry.id)/testdata has no fixtures")
        }
    }

    func testFixtures() throws {
        var checked = 0
        for entry in try Catalogue.all() {
            let testdata = repositoryRoot.appendingPathComponent("rules/\(entry.id)/testdata")
            for package in fixturePackages(in: testdata) {
                var wants: [Expectation] = []
                var options: [String: OptionValue] = [:]
                for file in goFiles(package) {
                    let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                    wants += Annotations.wants(in: text, path: file.path)
                    options.merge(Annotations.options(in: text, rule: entry)) { $1 }
                }
                let result = try lintOnly(rule: entry.id, paths: [package.path], options: options)
                assertMatches(result, wants, context: "fixture \(package.path.replacingOccurrences(of: repositoryRoot.path + "/", with: ""))")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 0)
    }

    /// Each `.go` file directly in testdata, and each subdirectory holding `.go` files.
    private func fixturePackages(in testdata: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: testdata.path) else { return [] }
        return names.sorted().map { testdata.appendingPathComponent($0) }.filter { url in
            isDirectory(url) ? !goFiles(url).isEmpty : url.pathExtension == "go"
        }
    }

    private func goFiles(_ package: URL) -> [URL] {
        guard isDirectory(package) else { return [package] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: package.path)) ?? []
        return names.filter { $0.hasSuffix(".go") }.sorted().map { package.appendingPathComponent($0) }
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
