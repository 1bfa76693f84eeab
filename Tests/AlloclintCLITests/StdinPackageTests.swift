import Foundation
import XCTest

/// Editor mode: `--stdin --stdin-filename PATH` sees the rest of PATH's package as a directory run
/// does, takes configuration from PATH's directory, and writes nothing.
final class StdinPackageTests: XCTestCase {
    /// Puts a slice into a pool declared in another file; "é" makes byte and UTF-16 columns differ.
    let edited = "package p\n\nfunc release(b []byte) {\n\t/* é */ bufPool.Put(b)\n}\n"

    private func makePackage() throws -> URL {
        try makeTree([
            "pkg/.linter.yaml": "exclude: [\"zz_*.go\"]\nrules:\n  pool-put-non-pointer: {severity: error}\n",
            // Declares the pool; its own defer in a loop is not the stdin file's finding.
            "pkg/pools.go": "package p\n\nimport \"sync\"\n\nvar bufPool = sync.Pool{}\n\nfunc drain(names []string) {\n\tfor _, n := range names {\n\t\tdefer println(n)\n\t}\n}\n",
            "pkg/use.go": "package p\n\nfunc stale() {}\n",
            "elsewhere/use.go": "package p\n",
        ])
    }

    func testPackageDeclarationsResolveAsInADirectoryRun() throws {
        let root = try makePackage()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try snapshot(root)
        let stdinRun = try alloclint(["--stdin", "--stdin-filename", "pkg/use.go"], in: root, stdin: edited)
        XCTAssertEqual(stdinRun.status, 1, stdinRun.stderr)
        XCTAssertTrue(stdinRun.stdout.hasPrefix("pkg/use.go:4:23: error: "), "pool from pools.go, severity from pkg/.linter.yaml: \(stdinRun.stdout)")
        XCTAssertEqual(stdinRun.stdout.split(separator: "\n").count, 1, "only the stdin file is reported: \(stdinRun.stdout)")
        XCTAssertEqual(try snapshot(root), before, "stdin mode writes nothing")

        // The same file on disk, linted with its directory (from there, so the same configuration applies).
        let package = root.appendingPathComponent("pkg")
        try edited.write(to: package.appendingPathComponent("use.go"), atomically: true, encoding: .utf8)
        let directoryRun = try alloclint(["."], in: package)
        XCTAssertEqual(directoryRun.stdout.split(separator: "\n").filter { $0.hasPrefix("use.go:") },
                       stdinRun.stdout.split(separator: "\n").map { $0.dropFirst("pkg/".count) })

        let json = try alloclint(["--stdin", "--stdin-filename", "pkg/use.go", "--format", "json"], in: root, stdin: edited)
        XCTAssertTrue(json.stdout.contains("\"column\" : 23") && json.stdout.contains("\"utf16Column\" : 22"), json.stdout)
    }

    /// `record` lets its `...any` escape; `loadRecords` calls it in a loop.
    private let recordDeclaration = "package ingest\n\nimport \"log\"\n\nfunc record(event string, fields ...any) {\n\tlog.Println(event, fields)\n}\n"
    private let loadRecords = "package ingest\n\nfunc Load(ids []int64) {\n\tfor _, id := range ids {\n\t\trecord(\"id\", id)\n\t}\n}\n"

    /// The one finding of `loadRecords` linted as `path`: `id` boxed for `record`.
    private func assertBoxedForRecord(_ run: RunResult, at path: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(run.stdout.hasPrefix("\(path):5:16: warning: "), run.stdout, file: file, line: line)
        XCTAssertTrue(run.stdout.hasSuffix("[interface-boxing-in-loop]\n"), run.stdout, file: file, line: line)
    }

    func testAnyParameterFunctionOfAnotherFileIsSeen() throws {
        let root = try makeTree(["ingest/audit.go": recordDeclaration, "ingest/load.go": "package ingest\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        assertBoxedForRecord(try alloclint(["--stdin", "--stdin-filename", "ingest/load.go"], in: root, stdin: loadRecords),
                             at: "ingest/load.go")
    }

    /// A test file sees the package's other test files; a file outside the tests does not read
    /// them (it builds without them). Here only a test file declares `record`: the test file's
    /// call is judged with it, the other file's call (which would not compile) with nothing.
    func testTestFilesAreReadForATestFileOnly() throws {
        let root = try makeTree(["ingest/audit_test.go": recordDeclaration])
        defer { try? FileManager.default.removeItem(at: root) }
        assertBoxedForRecord(try alloclint(["--stdin", "--stdin-filename", "ingest/load_test.go"], in: root, stdin: loadRecords),
                             at: "ingest/load_test.go")
        let other = try alloclint(["--stdin", "--stdin-filename", "ingest/load.go"], in: root, stdin: loadRecords)
        XCTAssertEqual(other.status, 0, other.stdout)
        XCTAssertEqual(other.stdout, "")
    }

    /// Whether a package function lets its any parameter escape is read from its body, which
    /// editor mode parses on demand for the other files.
    func testAnyParameterOnlyInspectedInAnotherFileIsJudgedAsInADirectoryRun() throws {
        let helpers = """
            package num

            // toFloat only switches on the type: the box stays on the caller's stack.
            func toFloat(v any) float64 {
            \tswitch x := v.(type) {
            \tcase int:
            \t\treturn float64(x)
            \t}
            \treturn 0
            }

            var kept []any

            func keep(v any) { kept = append(kept, v) }

            """
        let sum = """
            package num

            func Sum(xs []int) (total float64) {
            \tfor _, x := range xs {
            \t\ttotal += toFloat(x)
            \t\tkeep(x)
            \t}
            \treturn total
            }

            """
        let root = try makeTree(["num/helpers.go": helpers, "num/sum.go": sum])
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["--no-config", "--disable", "interface-param"]
        let expected = "num/sum.go:6:8: warning: `x` (an integer) is boxed into `any` for keep on every iteration: "
            + "a heap allocation per call (runtime.convT*); give it a concrete type or a type parameter instead of `any` "
            + "[interface-boxing-in-loop]\n"
        XCTAssertEqual(try alloclint(arguments + ["--stdin", "--stdin-filename", "num/sum.go"], in: root, stdin: sum).stdout, expected)
        XCTAssertEqual(try alloclint(arguments + ["num"], in: root).stdout, expected)
    }

    /// loop-closure reads the bodies of the package's functions that a closure is passed to; in
    /// editor mode the other files are parsed without their bodies, so those are parsed on demand.
    func testFuncParametersOfAnotherFileAreJudgedAsInADirectoryRun() throws {
        let helpers = """
            package walk

            func each(xs []int, f func(int)) {
            \tfor _, x := range xs {
            \t\tf(x)
            \t}
            }

            var kept []func(int)

            func keep(f func(int)) { kept = append(kept, f) }

            // spin is written in assembly and does not keep fn.
            //
            //go:noescape
            func spin(fn func())

            """
        let load = """
            package walk

            func Load(groups [][]int) int {
            \tn := 0
            \tfor _, g := range groups {
            \t\teach(g, func(x int) { n += x })
            \t\tkeep(func(x int) { n += x })
            \t\tspin(func() { n++ })
            \t}
            \treturn n
            }

            """
        let root = try makeTree(["walk/helpers.go": helpers, "walk/load.go": load])
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = "walk/load.go:7:8: warning: func literal in a loop captures `n` and is passed to `keep`: "
            + "a closure is heap-allocated on every iteration [loop-closure]\n"
        XCTAssertEqual(try alloclint(["--no-config", "--stdin", "--stdin-filename", "walk/load.go"], in: root, stdin: load).stdout, expected)
        XCTAssertEqual(try alloclint(["--no-config", "walk"], in: root).stdout, expected)
    }

    func testWithoutTheDeclaringFileTheRuleStaysSilent() throws {
        let root = try makePackage()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try alloclint(["--stdin", "--stdin-filename", "elsewhere/use.go"], in: root, stdin: edited)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "")
    }

    func testExcludedStdinFileHasNoFindings() throws {
        let root = try makePackage()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try alloclint(["--stdin", "--stdin-filename", "pkg/zz_generated.go"], in: root, stdin: edited)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "")
    }

    /// Every file below `root` with its contents.
    private func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root.path))
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }
}
