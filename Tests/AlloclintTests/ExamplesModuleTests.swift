import AlloclintEngine
import AlloclintRules
import Foundation
import XCTest

/// `examples/` is what `make run` lints: every rule enabled, the repository's .linter.yaml. Each
/// anti-pattern there carries a `// want` annotation and the correct versions must stay clean.
final class ExamplesModuleTests: XCTestCase {
    func testExamplesModuleFindingsMatchAnnotations() throws {
        let examples = repositoryRoot.appendingPathComponent("examples")
        var options = LintOptions()
        options.paths = [examples.path + "/..."]
        options.configPath = repositoryRoot.appendingPathComponent(".linter.yaml").path
        let result = try Linter(options: options).run()
        var wants: [Expectation] = []
        let files = FileManager.default.enumerator(atPath: examples.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".go") {
            let url = examples.appendingPathComponent(file)
            wants += Annotations.wants(in: String(decoding: try Data(contentsOf: url), as: UTF8.self), path: url.path)
        }
        XCTAssertGreaterThan(wants.count, 10, "examples/ should show every anti-pattern")
        assertMatches(result, wants, context: "examples/ (make run)")
        let rules = Set(wants.map(\.rule))
        for rule in registeredRules.map({ $0.id }) where rule != "syntax-error" {
            XCTAssertTrue(rules.contains(rule), "examples/ has no instance of \(rule)")
        }
    }
}
