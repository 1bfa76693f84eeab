import Foundation
import XCTest

/// `--new-from-rev REV` on temporary git repositories: only findings on lines added or changed
/// since REV (committed, staged or not), untracked files in full.
final class NewFromRevisionTests: XCTestCase {
    /// `deferInLoopSource` plus a second function with a defer in a loop at line 15.
    let grownSource = deferInLoopSource + """

        func more(paths []string) {
        	for _, path := range paths {
        		f, _ := os.Open(path)
        		defer f.Close()
        	}
        }

        """

    func testOnlyNewAndChangedLinesAreReported() throws {
        let repository = try makeRepository([
            "old.go": deferInLoopSource,
            "grown.go": deferInLoopSource,
            "edited.go": deferInLoopSource,
            "with space.go": deferInLoopSource,
            "sub/old.go": deferInLoopSource,
            ".gitignore": "ignored.go\n",
        ])
        defer { try? FileManager.default.removeItem(at: repository) }
        try write(grownSource, to: "grown.go", in: repository)
        try write(grownSource, to: "with space.go", in: repository)
        try write(deferInLoopSource.replacingOccurrences(of: "defer f.Close()", with: "defer f.Close() // edited"),
                  to: "edited.go", in: repository)
        try write(deferInLoopSource, to: "staged.go", in: repository)
        try git(["add", "staged.go"], in: repository)
        try write(deferInLoopSource, to: "untracked.go", in: repository)
        try write(deferInLoopSource, to: "ignored.go", in: repository)
        try write(grownSource, to: "sub/old.go", in: repository)

        let run = try alloclint(["--new-from-rev", "HEAD", "./...", "ignored.go"], in: repository)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(locations(run.stdout), [
            "edited.go:8:3", "grown.go:15:3", "staged.go:8:3", "sub/old.go:15:3", "untracked.go:8:3", "with space.go:15:3",
        ])
        XCTAssertTrue(run.stderr.contains("in 6 files"), "files without changes are not linted: \(run.stderr)")

        let fromSubdirectory = try alloclint(["--new-from-rev", "HEAD", "."], in: repository.appendingPathComponent("sub"))
        XCTAssertEqual(locations(fromSubdirectory.stdout), ["old.go:15:3"])

        XCTAssertEqual(locations(try alloclint(["--new-from-rev", "HEAD~0", "old.go"], in: repository).stdout), [])
        try git(["commit", "--quiet", "--all", "--message", "second"], in: repository)
        XCTAssertEqual(try alloclint(["--new-from-rev", "HEAD", "./..."], in: repository).stdout, "untracked.go:8:3: warning: \(deferInLoopMessage) [defer-in-loop]\n")
        XCTAssertEqual(locations(try alloclint(["--new-from-rev", "HEAD~1", "grown.go", "old.go"], in: repository).stdout), ["grown.go:15:3"])
    }

    func testPackageContextComesFromUnchangedFiles() throws {
        let repository = try makeRepository([
            "pools.go": "package p\n\nimport \"sync\"\n\nvar bufPool = sync.Pool{New: func() any { return []byte(nil) }}\n",
            "use.go": "package p\n",
        ])
        defer { try? FileManager.default.removeItem(at: repository) }
        try write("package p\n\nfunc release(b []byte) {\n\tbufPool.Put(b)\n}\n", to: "use.go", in: repository)
        let run = try alloclint(["--new-from-rev", "HEAD", "."], in: repository)
        XCTAssertEqual(locations(run.stdout), ["use.go:4:14"], run.stdout + run.stderr)
    }

    func testErrorsExitTwoWithOneLine() throws {
        let repository = try makeRepository(["a.go": deferInLoopSource])
        defer { try? FileManager.default.removeItem(at: repository) }
        let plain = try makeTree(["a.go": deferInLoopSource])
        defer { try? FileManager.default.removeItem(at: plain) }
        let cases: [([String], URL, String)] = [
            (["--new-from-rev", "no-such-branch", "."], repository, "alloclint: --new-from-rev: unknown revision \"no-such-branch\""),
            (["--new-from-rev=--output=x", "."], repository, "alloclint: --new-from-rev: unknown revision \"--output=x\""),
            (["--new-from-rev", "HEAD", "."], plain, "alloclint: --new-from-rev: \(plain.resolvingSymlinksInPath().path) is not inside a git repository"),
            (["--new-from-rev", "HEAD", "--stdin"], repository, "alloclint: --new-from-rev reads changes from the files on disk"),
        ]
        for (arguments, directory, expected) in cases {
            let run = try alloclint(arguments, in: directory, stdin: "")
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix(expected), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
    }

    private func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// `path:line:col` of each text-format finding.
    private func locations(_ output: String) -> [String] {
        output.split(separator: "\n").map { $0.components(separatedBy: ": ")[0] }
    }
}
