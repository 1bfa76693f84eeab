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

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the binary in `directory` with `arguments`, feeding `stdin` if given.
@discardableResult
func alloclint(_ arguments: [String], in directory: URL, stdin: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = alloclintBinary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
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
