import Foundation
import XCTest

/// End-to-end: input that real repositories and hostile users can produce never crashes or hangs
/// alloclint; each gets a clear message and the documented exit status, and nothing else is lost.
final class HostileInputTests: XCTestCase {
    /// Deep nests through every layer: the parser, the cursor walks, every rule, and — through the
    /// fuzz target, which queries every node — every analysis pass.
    func testDeepNestingOverflowsNoStack() throws {
        let files = [
            "parentheses.go": "package p\n\nvar x = " + String(repeating: "(", count: 100_000) + "f"
                + String(repeating: ")", count: 100_000) + "(1)\n",
            "blocks.go": "package p\n\nfunc f() {\n" + String(repeating: "{", count: 50_000)
                + String(repeating: "}", count: 50_000) + "\n}\n",
            "loops.go": "package p\n\nfunc f(xs []int, s string) {\n" + String(repeating: "for range xs {\n", count: 50_000)
                + "defer g()\ns += \"x\"\n" + String(repeating: "}\n", count: 50_000) + "}\n",
            "literals.go": "package p\n\nfunc f(xs []int) {\n" + String(repeating: "func() {\n", count: 50_000)
                + "defer g(xs)\n" + String(repeating: "}()\n", count: 50_000) + "}\n",
            "loop-literals.go": "package p\n\nfunc f(xs []int) {\n" + String(repeating: "for range xs { go func() {\n", count: 20_000)
                + "xs = nil\n" + String(repeating: "}() }\n", count: 20_000) + "}\n",
            // Found by the fuzzer: the pool rules walked up to the function at every Put (quadratic).
            "pool-loops.go": "package p\n\nimport \"sync\"\n\nvar p sync.Pool\n\nfunc f(b []byte) {\n"
                + String(repeating: "for {\np.Put(b)\n", count: 20_000) + String(repeating: "}\n", count: 20_000) + "}\n",
            // Found by the fuzzer: the loop rules walked up to a loop or function at every call (quadratic).
            "calls.go": "package p\n\nvar x = " + String(repeating: "f(", count: 50_000) + "0" + String(repeating: ")", count: 50_000) + "\n",
            "loop-calls.go": "package p\n\nimport \"fmt\"\n\nfunc f(n int) {\nfor {\n" + String(repeating: "fmt.Sprint(n, ", count: 20_000)
                + "n" + String(repeating: ")", count: 20_000) + "\n}\n}\n",
            "loop-branches.go": "package p\n\nimport \"fmt\"\n\nfunc f(n int) {\nfor {\n" + String(repeating: "if n > 0 {\nfmt.Println(n)\n", count: 20_000)
                + String(repeating: "}\n", count: 20_000) + "}\n}\n",
            "binary.go": "package p\n\nvar x = 1" + String(repeating: " + x", count: 100_000) + "\n",
            "selectors.go": "package p\n\nvar x = v" + String(repeating: ".f", count: 100_000) + "\n",
            "types.go": "package p\n\nvar x " + String(repeating: "[]*", count: 50_000) + "int\n",
            "unclosed.go": "package p\n\nfunc f() {\n" + String(repeating: "{(", count: 50_000) + "\n",
            // 65,536 pending tokens or more at the end: tree-sitter 0.20.7 builds a damaged tree.
            "prefixes.go": "package p\n\nvar x = " + String(repeating: "-", count: 70_000) + "\n",
        ]
        let root = try makeTree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        for name in files.keys.sorted() {
            let run = try alloclint(["--no-config", "--format", "json", name], in: root)
            XCTAssertTrue(run.status == 0 || run.status == 1, "\(name): status \(run.status), \(run.stderr.prefix(500))")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)), name)
        }
        for name in ["unclosed.go", "prefixes.go"] {
            XCTAssertTrue(try alloclint(["--no-config", name], in: root).stdout.contains("[syntax-error]"), name)
        }
        try assertFuzzTargetSurvives(root)
    }

    /// tree-sitter 0.20.7 crashes recovering from an error with 65,536 entries on its stack (see
    /// `ParserCrashGuard`): such files get a syntax error and are not parsed; deep valid files still are.
    func testDeepInvalidNestingIsReportedNotParsed() throws {
        let invalid = [
            // Inputs of the fuzzer that crashed the parser: deep nests cut off at 1 MiB.
            "loops.go": String(("package p\nfunc f(xs []int) {\n" + String(repeating: "for range xs {\n", count: 70_000)).prefix(1 << 20)),
            "cases.go": String(("package p\nfunc f() {\n" + String(repeating: "switch {\ncase x:\n", count: 70_000)).prefix(1 << 20)),
            "decrements.go": "package p\nvar x = " + String(repeating: "-", count: 70_000) + "\nvar y = 1\n",
            "in-body.go": "package p\nfunc f() {\nx = " + String(repeating: "-", count: 70_000) + "\n}\n",
            "unclosed.go": "package p\nfunc f() {\n" + String(repeating: "(", count: 70_000) + "\n}\nfunc g() {}\n",
            "else-if.go": "package p\nfunc f() {\nif a {\n" + String(repeating: "} else if a {\n", count: 70_000),
            "slices.go": "package p\nvar x " + String(repeating: "[]", count: 70_000) + "\n",
            "maps.go": "package p\nvar x " + String(repeating: "map[string]", count: 70_000),
            "labels.go": "package p\nfunc f() {\n" + String(repeating: "L: ", count: 70_000),
            // Found by the fuzzer: tokens tree-sitter cannot recover from, no nesting at all (its
            // error recovery also takes 40 s here before crashing: the child is stopped in time).
            "redeclarations.go": "package p\nfunc f() {\n" + String(repeating: "x := ", count: 9_083) + "x"
                + String(repeating: "*/", count: 1_503) + " := " + String(repeating: "x := ", count: 60_916) + "1\n}\n",
        ]
        let valid = [
            "parentheses.go": "package p\nvar x = " + String(repeating: "(", count: 100_000) + "f" + String(repeating: ")", count: 100_000) + "\n",
            "types.go": "package p\nvar x " + String(repeating: "[]*", count: 50_000) + "int\n",
        ]
        let root = try makeTree(invalid.merging(valid) { first, _ in first })
        defer { try? FileManager.default.removeItem(at: root) }
        for name in invalid.keys.sorted() {
            let run = try alloclint(["--no-config", name], in: root)
            XCTAssertEqual(run.status, 1, "\(name): \(run.stderr.prefix(300))")
            XCTAssertTrue(run.stdout.hasPrefix("\(name):"), "\(name): \(run.stdout.prefix(300))")
            XCTAssertTrue(run.stdout.contains("more than the parser can recover from"), "\(name): \(run.stdout.prefix(300))")
            XCTAssertEqual(run.stdout.split(separator: "\n").count, 1, name)
        }
        for name in valid.keys.sorted() {
            let run = try alloclint(["--no-config", name], in: root)
            XCTAssertEqual(run.status, 0, "\(name): \(run.stdout.prefix(300)) \(run.stderr.prefix(300))")
        }
        try assertFuzzTargetSurvives(root)
    }

    func testInvalidUTF8AndNulBytes() throws {
        let root = try makeTree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        var bytes = Array("package p\n\n// caf\u{E9} \u{FF}\u{FE} comment\n".utf8) + [0xFF, 0xFE, 0x0A]
        bytes += Array("var s = \"".utf8) + [0xC3, 0x28, 0x00, 0xED, 0xA0, 0x80] + Array("\"\n".utf8)
        bytes += Array(deferInLoopSource.dropFirst("package p\n".count).utf8) + [0x00, 0x0A]
        try Data(bytes).write(to: root.appendingPathComponent("bad.go"))
        let run = try alloclint(["--no-config", "--format", "json", "bad.go"], in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        XCTAssertTrue(rules.contains("syntax-error"), "\(rules)")
        XCTAssertTrue(rules.contains("defer-in-loop"), "the intact function is still checked: \(rules)")
        let text = try alloclint(["--no-config", "--color", "always", "bad.go"], in: root)
        XCTAssertEqual(text.status, 1, text.stderr)
    }

    /// A colour terminal gets the source line under each finding, but not a line of generated or
    /// minified code: the output would grow with the line's length times its findings.
    func testLongLinesGetNoExcerpt() throws {
        let longLine = "\tfor range xs { defer g() } // " + String(repeating: "x", count: 600)
        let root = try makeTree(["long.go": "package p\n\nfunc f(xs []int) {\n\tfor range xs {\n\t\tdefer g()\n\t}\n\(longLine)\n}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try alloclint(["--no-config", "--color", "always", "long.go"], in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("[defer-in-loop]") }.count, 2, run.stdout)
        XCTAssertEqual(lines.filter { $0.contains(" | ") }.map { $0.prefix(3) }, [" 5 ", "   "], run.stdout)
    }

    func testRandomBinaryNamedGo() throws {
        var state: UInt32 = 12_345  // a fixed linear congruential sequence: failures reproduce
        let bytes = (0..<65_536).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let root = try makeTree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(bytes).write(to: root.appendingPathComponent("random.go"))
        let run = try alloclint(["--no-config", "random.go"], in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 1, run.stdout)
        XCTAssertTrue(run.stdout.contains("not Go source text"), run.stdout)
    }

    func testEmptyFile() throws {
        let root = try makeTree(["empty.go": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try alloclint(["--no-config", "empty.go"], in: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("no findings in 1 file"), run.stderr)
        XCTAssertEqual(try alloclint(["--no-config", "-"], in: root, stdin: "").status, 0)
    }

    func testHugeFile() throws {
        let function = deferInLoopSource.dropFirst("package p\n\nimport \"os\"\n".count)
        let functions = 25_000_000 / function.utf8.count + 1
        var text = "package p\n\nimport \"os\"\n"
        text.reserveCapacity(25_100_000)
        for index in 0..<functions { text += function.replacingOccurrences(of: "closeAll", with: "closeAll\(index)") }
        let root = try makeTree(["huge.go": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try alloclint(["--no-config", "--stats", "huge.go"], in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, functions)
        XCTAssertTrue(run.stderr.contains("\(functions) findings"), run.stderr)
    }

    func testDirectoryNamedLikeAGoFile() throws {
        let root = try makeTree(["x.go/a.go": deferInLoopSource])
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["x.go", "."] {
            let run = try alloclint(["--no-config", path], in: root)
            XCTAssertEqual(run.status, 1, "\(path): \(run.stderr)")
            XCTAssertTrue(run.stdout.hasPrefix("x.go/a.go:8:3:"), "\(path): \(run.stdout)")
        }
    }

    /// Each bad path gets one message; the good file is still linted and reported; exit 2.
    func testBrokenPathsAreReportedAndTheRestIsLinted() throws {
        let root = try makeTree(["ok.go": deferInLoopSource])
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("dangling.go").path, withDestinationPath: "nowhere.go")
        try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("loop1.go").path, withDestinationPath: "loop2.go")
        try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("loop2.go").path, withDestinationPath: "loop1.go")
        let cases: [(paths: [String], messages: [String])] = [
            (["."], ["dangling.go: broken symbolic link", "loop1.go: symbolic link loop", "loop2.go: symbolic link loop"]),
            (["dangling.go", "ok.go"], ["dangling.go: broken symbolic link"]),
            (["ok.go", "loop1.go"], ["loop1.go: symbolic link loop"]),
        ]
        for (paths, messages) in cases {
            let run = try alloclint(["--no-config"] + paths, in: root)
            XCTAssertEqual(run.status, 2, "\(paths)")
            XCTAssertTrue(run.stdout.hasPrefix("ok.go:8:3: warning:"), "\(paths): \(run.stdout)")
            for message in messages { XCTAssertTrue(run.stderr.contains("alloclint: \(message)\n"), "\(paths): \(run.stderr)") }
        }
    }

    /// chmod 000 stops nobody when the tests run as root, so as root the unreadable file is one
    /// that no permission opens: /proc/self/mem, which fails to read at offset 0. FIFOs (named or
    /// behind a symbolic link) are never opened: reading one would wait for a writer forever.
    func testUnreadableFilesAndFifos() throws {
        let root = try makeTree(["ok.go": deferInLoopSource, "locked.go": "package p\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo").path, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("fifo.go").path, withDestinationPath: "fifo")
        let locked = root.appendingPathComponent("locked.go").path
        XCTAssertEqual(chmod(locked, 0), 0)
        defer { chmod(locked, 0o644) }
        let descriptor = open(locked, O_RDONLY)
        let unreadable = descriptor < 0 ? "locked.go" : "/proc/self/mem"
        if descriptor >= 0 { close(descriptor) }
        let run = try alloclint(["--no-config", "ok.go", unreadable, "fifo", "fifo.go"], in: root)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("ok.go:8:3: warning:"), run.stdout)
        XCTAssertTrue(run.stderr.contains("alloclint: \(unreadable): cannot read: "), run.stderr)
        XCTAssertTrue(run.stderr.contains("alloclint: fifo: not a regular file or directory\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("alloclint: fifo.go: not a regular file or directory\n"), run.stderr)
        let walk = try alloclint(["--no-config", "."], in: root)
        XCTAssertTrue(walk.stdout.hasPrefix("ok.go:8:3: warning:"), "the walk skips fifo.go without waiting: \(walk.stdout)")
    }

    /// `alloclint ./... | head -1`: once the reader is gone, output stops quietly.
    func testClosedStandardOutputEndsQuietly() throws {
        var files: [String: String] = [:]
        for index in 0..<200 { files["f\(index).go"] = deferInLoopSource }
        let root = try makeTree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let process = Process()
        process.executableURL = alloclintBinary
        process.arguments = ["--no-config", "."]
        process.currentDirectoryURL = root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try output.fileHandleForReading.close()
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "killed by a signal: \(stderr)")
        XCTAssertEqual(process.terminationStatus, 1, stderr)
        XCTAssertEqual(stderr, "alloclint: 200 findings (200 warnings) in 200 files\n")
    }

    func testOutputIsAtomicAndAMissingDirectoryFailsCleanly() throws {
        let root = try makeTree(["a.go": deferInLoopSource, "report.json": "old"])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("report.json").path
        XCTAssertEqual(chmod(report, 0o600), 0)
        let run = try alloclint(["--no-config", "--format", "json", "--output", "report.json", "a.go"], in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))))
        let attributes = try FileManager.default.attributesOfItem(atPath: report)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "the replaced report keeps its mode")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["a.go", "report.json"],
                       "no temporary file is left behind")

        let missing = try alloclint(["--no-config", "--output", "nope/out.txt", "a.go"], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertEqual(missing.stderr, "alloclint: nope/out.txt: cannot write: no such directory nope\n")
        let directory = try alloclint(["--no-config", "--output", ".", "a.go"], in: root)
        XCTAssertEqual(directory.status, 2)
        XCTAssertEqual(directory.stderr.split(separator: "\n").count, 1, directory.stderr)
    }

    /// What CLITests.testBrokenConfigurationsExitTwoWithPosition does not cover: wrong types,
    /// duplicates, unknown rule keys, bad go-versions, binary data, hostile nesting.
    func testBrokenConfigurationsExitTwoWithOneLine() throws {
        let cases: [(yaml: String, expected: String)] = [
            ("rules: [a, b]\n", ".linter.yaml:1:8: rules must be a mapping of rule ids"),
            ("rules:\n  defer-in-loop: 3\n", ".linter.yaml:2:18: bad severity \"3\""),
            ("rules:\n  defer-in-loop: {sevrity: error}\n", ".linter.yaml:2:19: unknown key \"sevrity\" for rule defer-in-loop"),
            ("rules:\n  defer-in-loop: {options: 5}\n", ".linter.yaml:2:28: options of defer-in-loop must be a mapping"),
            ("rules: {defer-in-loop: off, defer-in-loop: error}\n", ".linter.yaml:1:29: duplicate key \"defer-in-loop\""),
            ("exclude: []\nexclude: []\n", ".linter.yaml:2:1: duplicate key \"exclude\""),
            ("go-version: banana\n", ".linter.yaml:1:13: go-version must look like \"1.22\", got \"banana\""),
            ("go-version: [1]\n", ".linter.yaml:1:13: expected go-version, found a list"),
            ("exclude: [[1]]\n", ".linter.yaml:1:11: expected a glob pattern, found a list"),
            ("hello\n", ".linter.yaml:1:1: the configuration must be a mapping of keys"),
            ("a: *x\n", ".linter.yaml:1:4: malformed YAML: found undefined alias"),
            ("rules:\n\tdefer-in-loop: off\n", ".linter.yaml:2:1: malformed YAML"),
            ("\u{FF}\u{FE}\u{0}bad\n", ".linter.yaml:1:"),
            ("rules: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
             ".linter.yaml:1:264: nested more than 256 levels deep"),
            (String(repeating: "- ", count: 100_000) + "x\n", ".linter.yaml:1:"),
            ("rules:\n" + (0..<300).map { String(repeating: " ", count: $0 + 1) + "k\($0):\n" }.joined(), ".linter.yaml:"),
        ]
        for (yaml, expected) in cases {
            let root = try makeTree(["a.go": "package p\n"])
            defer { try? FileManager.default.removeItem(at: root) }
            try Data(yaml.utf8).write(to: root.appendingPathComponent(".linter.yaml"))
            let run = try alloclint(["."], in: root)
            let label = String(yaml.prefix(60))
            XCTAssertEqual(run.status, 2, "\(label) → \(run.stderr.prefix(300))")
            XCTAssertTrue(run.stderr.hasPrefix("alloclint: " + expected), "\(label) → \(run.stderr.prefix(300))")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(label) → \(run.stderr.prefix(300))")
        }
        let root = try makeTree(["a.go": "package p\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo.yaml").path, 0o644), 0)
        for config in ["fifo.yaml", "."] {
            let run = try alloclint(["--config", config, "."], in: root)
            XCTAssertEqual(run.status, 2, config)
            XCTAssertTrue(run.stderr.hasPrefix("alloclint: \(config): cannot read: "), run.stderr)
        }
    }

    /// Findings and their order do not depend on how packages are spread over workers.
    func testFindingsAreIdenticalForEveryJobCountOnALargeTree() throws {
        var files: [String: String] = [:]
        for package in 0..<40 {
            for file in 0..<(1 + package % 9) {
                let body: String
                switch (package + file) % 4 {
                case 0: body = deferInLoopSource
                case 1: body = "package p\n\nfunc broken( {\n"
                case 2: body = deferInLoopSource + "\nfunc g() { for { defer h() } }\n"
                default: body = "package p\n\nfunc clean() {}\n"
                }
                files["d\(package % 5)/p\(package)/f\(file).go"] = body
            }
        }
        let root = try makeTree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let reference = try alloclint(["--no-config", "--jobs", "1", "--format", "json", "./..."], in: root)
        XCTAssertEqual(reference.status, 1)
        XCTAssertGreaterThan(reference.stdout.components(separatedBy: "\"rule\" : ").count, 100)
        for jobs in ["2", "3", "8", "64"] {
            let run = try alloclint(["--no-config", "--jobs", jobs, "--format", "json", "./..."], in: root)
            XCTAssertEqual(run.stdout, reference.stdout, "--jobs \(jobs)")
            XCTAssertEqual(run.stderr, reference.stderr, "--jobs \(jobs)")
        }
    }

    /// Runs every `.go` file of `directory` through the fuzz target (engine, reporters and every
    /// analysis query on every node) as regression inputs.
    private func assertFuzzTargetSurvives(_ directory: URL) throws {
        let process = Process()
        process.executableURL = fuzzBinary
        process.arguments = ["--runs", "0", "--regressions", directory.path, "--corpus", directory.path,
                             "--crash-file", directory.appendingPathComponent("crash.input").path]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, stderr)
        XCTAssertEqual(process.terminationStatus, 0, stderr)
    }
}
