import AlloclintAnalysis
import AlloclintRules
import Foundation
import XCTest

/// The catalogue in `rules/` is the single source of truth: these tests fail when the registry,
/// the README table or the examples drift from it.
final class CatalogueTests: XCTestCase {
    func testRegistryMatchesCatalogue() throws {
        let catalogueIDs = try Catalogue.all().map(\.id).sorted()
        let registeredIDs = registeredRules.map { $0.id }.sorted()
        XCTAssertEqual(registeredIDs, catalogueIDs, "Registry.swift and rules/*/rule.yaml must name the same rules")
        XCTAssertEqual(Set(registeredIDs).count, registeredIDs.count, "a rule is registered twice")
    }

    func testCatalogueDirectoriesAllHaveEntries() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("rules").path)
        XCTAssertEqual(names.filter { !$0.hasPrefix(".") }.sorted(), try Catalogue.all().map(\.id).sorted())
    }

    func testEntriesAreComplete() throws {
        for entry in try Catalogue.all() {
            XCTAssertFalse(entry.examples.bad.isEmpty, "\(entry.id) needs a bad example")
            XCTAssertFalse(entry.examples.good.isEmpty, "\(entry.id) needs a good example")
            XCTAssert(["very-high", "high", "medium", "low"].contains(entry.precision), "\(entry.id): precision")
            XCTAssertLessThanOrEqual(entry.summary.count, 140, "\(entry.id): summary must be one short line")
            XCTAssertFalse(entry.summary.contains("\n"), "\(entry.id): summary must be one line")
            XCTAssertEqual(entry.id, entry.id.lowercased(), "ids are kebab-case")
            for option in entry.options {
                XCTAssertNotNil(option.defaultValue, "\(entry.id): option \(option.name) has a bad default")
            }
        }
    }

    /// Every bad example produces exactly its `// want` findings; every good example none.
    func testExamplesRunAsTests() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-examples-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        for entry in try Catalogue.all() {
            for (kind, examples) in [("bad", entry.examples.bad), ("good", entry.examples.good)] {
                for (index, example) in examples.enumerated() {
                    let folder = directory.appendingPathComponent("\(entry.id)-\(kind)-\(index)")
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    let file = folder.appendingPathComponent("example.go")
                    try example.code.write(to: file, atomically: true, encoding: .utf8)
                    let wants = Annotations.wants(in: example.code, path: file.path)
                    if kind == "bad" {
                        XCTAssertFalse(wants.filter { $0.rule == entry.id }.isEmpty, "\(entry.id) bad example \(index) has no // want \"\(entry.id)\"")
                    } else {
                        XCTAssert(wants.isEmpty, "\(entry.id) good example \(index) must not expect findings")
                    }
                    let version = example.goVersion.flatMap(GoVersion.init(parsing:))
                    let result = try lintOnly(rule: entry.id, paths: [file.path], goVersion: version)
                    assertMatches(result, wants, context: "\(entry.id) \(kind) example \(index)")
                }
            }
        }
    }

    /// The README's rule table is generated from the catalogue (`make readme` rewrites it).
    func testReadmeTableMatchesCatalogue() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->"
        guard let start = readme.range(of: begin), let stop = readme.range(of: end) else {
            return XCTFail("README.md lacks the rules:begin/rules:end markers")
        }
        XCTAssertEqual(String(readme[start.upperBound..<stop.lowerBound]), Catalogue.markdownTable(try Catalogue.all()),
                       "README rule table drifted from rules/: run `make readme`")
    }
}
