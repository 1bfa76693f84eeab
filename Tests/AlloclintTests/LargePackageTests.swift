@testable import AlloclintAnalysis
@testable import AlloclintEngine
import AlloclintRules
import AlloclintSyntax
import Foundation
import XCTest

/// A package larger than `LintOptions.wholePackageByteLimit` is checked one file at a time: the
/// other files keep only their declarations (`GoPackage.replacing(_:with:)`). The findings must be
/// those of the package held whole.
final class LargePackageTests: XCTestCase {
    func testFixturePackagesCheckedFileByFileFindTheSame() throws {
        var packages = ["examples"]
        let rules = repositoryRoot.appendingPathComponent("rules")
        for rule in try FileManager.default.contentsOfDirectory(atPath: rules.path).sorted() {
            let testdata = rules.appendingPathComponent(rule).appendingPathComponent("testdata")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: testdata.path).sorted()) ?? [] {
                var isDirectory: ObjCBool = false
                let path = testdata.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    packages.append(path)
                }
            }
        }
        XCTAssertGreaterThan(packages.count, 10)
        for package in packages {
            let path = package.hasPrefix("/") ? package : repositoryRoot.appendingPathComponent(package).path
            let whole = try lint([path + "/..."], limit: .max)
            XCTAssertFalse(whole.findings.isEmpty, package)
            XCTAssertEqual(try lint([path + "/..."], limit: 0).findings.map(describe), whole.findings.map(describe), package)
        }
    }

    /// net/http: 51 files, 1.5 MB, declarations used across files everywhere.
    func testNetHTTPCheckedFileByFileFindsTheSame() throws {
        let directory = "/usr/share/go-1.19/src/net/http"
        guard FileManager.default.fileExists(atPath: directory) else {
            throw XCTSkip("\(directory) is not installed (golang-1.19-src)")
        }
        let whole = try lint([directory], limit: .max)
        XCTAssertGreaterThan(whole.findings.count, 100)
        XCTAssertEqual(try lint([directory], limit: 0).findings.map(describe), whole.findings.map(describe))
    }

    func testOverlayKeepsIdsAndReadsTheWholeTree() throws {
        let parser = try GoParser()
        let first = SourceText("package p\n\nfunc f(b []byte) int {\n\treturn g(len(b))\n}\n\nvar v = f(nil)\n")
        let second = SourceText("package p\n\nfunc g(n int) int { return n }\n")
        let context = GoFile(path: "a.go", tree: parser.parseDeclarations(first), goVersion: .newest)
        let other = GoFile(path: "b.go", tree: parser.parse(second), goVersion: .newest)
        let base = GoPackage(directory: ".", files: [context, other])
        let before = try XCTUnwrap(base.scope.lookup("f"))
        XCTAssertTrue(context.tree.isUnparsedBody(try XCTUnwrap(before.declNode?.child(.body))))

        let whole = GoFile(path: "a.go", tree: parser.parse(first), goVersion: .newest)
        let overlay = base.replacing(context, with: whole)
        let after = try XCTUnwrap(overlay.scope.lookup("f"))
        XCTAssertEqual(after.id, before.id)
        XCTAssertTrue(after.file === whole)
        XCTAssertFalse(whole.tree.isUnparsedBody(try XCTUnwrap(after.declNode?.child(.body))))
        XCTAssertEqual(overlay.scope.lookup("v")?.id, base.scope.lookup("v")?.id)
        XCTAssertTrue(overlay.scope.lookup("g")?.file === other)
        XCTAssertTrue(other.package === overlay, "the other files join the overlay")
        // Resolution in the whole file reaches the other file's declaration.
        var callee: Node?
        whole.tree.root.walk { node in
            if node.kind == .callExpression, let function = node.child(.function), whole.tree.text(function) == "g" {
                callee = function
            }
            return callee == nil ? .visitChildren : .stop
        }
        XCTAssertTrue(whole.resolve(try XCTUnwrap(callee))?.file === other)
    }

    func testOverlayOfADifferentTextIsRebuilt() throws {
        let parser = try GoParser()
        let source = SourceText("package p\n\nfunc f() {}\n")
        let context = GoFile(path: "a.go", tree: parser.parseDeclarations(source), goVersion: .newest)
        let base = GoPackage(directory: ".", files: [context])
        XCTAssertNotNil(base.scope.lookup("f"))
        let edited = GoFile(path: "a.go", tree: parser.parse(SourceText("package p\n\nfunc h() {}\n")), goVersion: .newest)
        let overlay = base.replacing(context, with: edited)
        XCTAssertNil(overlay.scope.lookup("f"))
        XCTAssertTrue(overlay.scope.lookup("h")?.file === edited)
    }

    func testAtMostOneHeavyItemAtATime() {
        let lock = NSLock()
        var running = 0, most = 0
        let inputs = Array(0..<40)
        let outputs = ParallelMap.run(inputs, jobs: 4, heavyAtOnce: 1, isHeavy: { $0 % 3 == 0 }) { input, _ -> Int in
            if input % 3 == 0 {
                lock.lock(); running += 1; most = max(most, running); lock.unlock()
                usleep(2_000)
                lock.lock(); running -= 1; lock.unlock()
            }
            return input * 2
        }
        XCTAssertEqual(outputs, inputs.map { $0 * 2 })
        XCTAssertEqual(most, 1)
    }

    /// A worker keeps the module packages it read from one checked package to the next, until
    /// they hold more source than it may keep; then the next package reads them again. Their
    /// files are outlined, and only the declarations looked up are parsed.
    func testAWorkerKeepsModulePackagesWithinItsBudget() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-worker-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let helper = root.appendingPathComponent("helper")
        try FileManager.default.createDirectory(at: helper, withIntermediateDirectories: true)
        try Data("module example.com/m\n\ngo 1.21\n".utf8).write(to: root.appendingPathComponent("go.mod"))
        let source = "package helper\n\nfunc Each(f func()) { f() }\n\nfunc Unused() {}\n"
        try Data(source.utf8).write(to: helper.appendingPathComponent("helper.go"))
        let module = try XCTUnwrap(ModulePackageLoader(enclosing: root.path, versions: GoVersionResolver(override: nil)))
        let worker = ParallelMap.Worker(parser: try GoParser())

        let first = worker.modulePackages(of: module, keepingUpTo: source.utf8.count)
        let each = try XCTUnwrap(first.package(importPath: "example.com/m/helper")?.scope.lookup("Each"))
        let file = try XCTUnwrap(each.file)
        var functions: [String] = []
        file.tree.root.forEachChild { if $0.kind == .functionDeclaration { functions.append(file.tree.text($0)) } }
        XCTAssertEqual(functions, ["func Each(f func()) { f() }"], "the function looked up, not the other")
        let withBody = try XCTUnwrap(each.declNode.flatMap(file.withBody))
        try withExtendedLifetime(withBody) {
            XCTAssertEqual(file.tree.text(try XCTUnwrap(withBody.node.child(.body))), "{ f() }", "its body, when read")
        }
        XCTAssertEqual(first.loadedBytes, source.utf8.count)
        XCTAssertTrue(worker.modulePackages(of: module, keepingUpTo: source.utf8.count) === first, "within the budget")
        XCTAssertFalse(worker.modulePackages(of: module, keepingUpTo: source.utf8.count - 1) === first, "over it")
    }

    private func lint(_ paths: [String], limit: Int) throws -> LintResult {
        var options = LintOptions()
        options.paths = paths
        options.useConfig = false
        options.jobs = 2
        options.wholePackageByteLimit = limit
        let result = try Linter(options: options).run()
        XCTAssertEqual(result.errors, [])
        return result
    }

    private func describe(_ finding: Finding) -> String {
        "\(finding.path):\(finding.range.start.line):\(finding.range.start.column): \(finding.ruleID): \(finding.message)"
    }
}
