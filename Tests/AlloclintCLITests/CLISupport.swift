import Foundation
import XCTest

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `alloclint` binary: beside the test bundle, or `ALLOCLINT_BINARY`.
let alloclintBinary: URL = {
    if let override = ProcessInfo.processInfo.environment["ALLOCLINT_BINARY"] { return URL(fileURLWithPath: override) }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent("alloclint")
        if FileManager.default.isExecutableFile(atPath: candidate.path) && !candidate.hasDirectoryPath { return candidate }
        directory.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/release/alloclint")
}()

/// The fuzzer, built beside the `alloclint` binary.
let fuzzBinary = alloclintBinary.deletingLastPathComponent().appendingPathComponent("AlloclintFuzz")

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the binary in `directory` with `arguments`, feeding `stdin` if given.
@discardableResult
func alloclint(_ arguments: [String], in directory: URL, stdin: String? = nil) throws -> RunResult {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    return try runProcess(alloclintBinary, arguments, in: directory, environment: environment, stdin: stdin)
}

/// Runs `executable` in `directory` and collects its exit status and output.
@discardableResult
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]? = nil,
         stdin: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    // stderr goes to a file and stdout to a pipe read to the end, so neither can block the child.
    let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let out = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errorURL)
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errData = try Data(contentsOf: errorURL)
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs git with a fixed identity and no user or system configuration; fails the test on error.
@discardableResult
func git(_ arguments: [String], in directory: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: gitEnvironment)
    XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
    return result.stdout
}

/// The environment for git and the tools that run it: a fixed identity, no global configuration.
var gitEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["GIT_AUTHOR", "GIT_COMMITTER"] {
        environment[name + "_NAME"] = "alloclint tests"
        environment[name + "_EMAIL"] = "tests@alloclint.invalid"
    }
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    return environment
}

/// A temporary git repository with `files` committed on its default branch.
func makeRepository(_ files: [String: String]) throws -> URL {
    let root = try makeTree(files)
    try git(["init", "--quiet"], in: root)
    try git(["add", "--all"], in: root)
    try git(["commit", "--quiet", "--allow-empty", "--message", "initial"], in: root)
    return root
}

/// A temporary directory with the given files (path → content), removed by the caller's `defer`.
func makeTree(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-cli-\(UUID().uuidString)")
    for (path, content) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root
}

let deferInLoopSource = """
    package p

    import "os"

    func closeAll(paths []string) {
    	for _, path := range paths {
    		f, _ := os.Open(path)
    		defer f.Close()
    	}
    }

    """

let deferInLoopMessage = "defer in a loop: every iteration heap-allocates a defer record, and the deferred calls pile up until the function returns; move the loop body into a function (or call the cleanup explicitly at the end of the iteration)"
