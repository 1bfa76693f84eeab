import Foundation
import XCTest

/// The real pre-commit (from PyPI, in the git-ignored `.venv/` of this repository) runs the hook
/// of `.pre-commit-hooks.yaml` with `pre-commit try-repo` on a temporary repository, with the built
/// binary first on PATH.
final class PreCommitTests: XCTestCase {
    func testHookFailsOnFindingsAndPassesOnCleanOrExcludedFiles() throws {
        let preCommit = try installedPreCommit()
        let project = try makeRepository([
            ".linter.yaml": "exclude: [\"legacy/**\"]\nrules:\n  defer-in-loop: {exclude: [\"cmd/**\"]}\n",
            "bad.go": deferInLoopSource,
            "clean.go": "package p\n\nfunc f() {}\n",
            "legacy/old.go": deferInLoopSource,
            "cmd/tool/main.go": deferInLoopSource,
            "notes.md": "not Go\n",
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let home = try makeTree([:])
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = gitEnvironment
        environment["PATH"] = alloclintBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["PRE_COMMIT_HOME"] = home.path
        environment["NO_COLOR"] = "1"
        func hook(_ files: [String]) throws -> RunResult {
            try runProcess(preCommit, ["try-repo", repositoryRoot.path, "alloclint", "--files"] + files, in: project, environment: environment)
        }

        let failing = try hook(["bad.go", "clean.go"])
        XCTAssertEqual(failing.status, 1, failing.stdout + failing.stderr)
        XCTAssertTrue(failing.stdout.contains("alloclint....") && failing.stdout.contains("Failed"), failing.stdout)
        XCTAssertTrue(failing.stdout.contains("bad.go:8:3: warning: defer in a loop"), failing.stdout)
        XCTAssertTrue(failing.stdout.contains("[defer-in-loop]"), failing.stdout)

        for files in [["clean.go"], ["legacy/old.go", "cmd/tool/main.go", "clean.go"]] {
            let passing = try hook(files)
            XCTAssertEqual(passing.status, 0, "\(files): " + passing.stdout + passing.stderr)
            XCTAssertTrue(passing.stdout.contains("Passed"), passing.stdout)
        }
        let skipped = try hook(["notes.md"])
        XCTAssertEqual(skipped.status, 0, skipped.stdout + skipped.stderr)
        XCTAssertTrue(skipped.stdout.contains("Skipped"), "only Go files reach the hook: \(skipped.stdout)")
    }

    /// `.venv/bin/pre-commit`, installed from PyPI on first use; skips, saying why, when that fails.
    private func installedPreCommit() throws -> URL {
        let venv = repositoryRoot.appendingPathComponent(".venv")
        let preCommit = venv.appendingPathComponent("bin/pre-commit")
        guard FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent(".git").path) else {
            throw XCTSkip("pre-commit try-repo needs \(repositoryRoot.path) to be a git checkout")
        }
        if FileManager.default.isExecutableFile(atPath: preCommit.path) { return preCommit }
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let steps: [(URL, [String])] = [
            (python, ["python3", "-m", "venv", venv.path]),
            (venv.appendingPathComponent("bin/pip"), ["install", "--quiet", "--disable-pip-version-check", "pre-commit"]),
        ]
        for (executable, arguments) in steps {
            let result = try runProcess(executable, arguments, in: repositoryRoot)
            guard result.status == 0 else {
                throw XCTSkip("""
                    pre-commit could not be installed from PyPI into \(venv.path) \
                    (\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(result.status)): \
                    \(result.stderr.split(separator: "\n").last ?? "")
                    """)
            }
        }
        return preCommit
    }
}
