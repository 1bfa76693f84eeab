import Foundation
import XCTest

/// A short, fixed-seed run of the mutation fuzzer (`make fuzz N=…` runs it longer), after the
/// saved regression inputs of Tests/FuzzRegressions.
final class FuzzTests: XCTestCase {
    func testShortFuzzRunFindsNoCrashHangOrBrokenInvariant() throws {
        let crashFile = FileManager.default.temporaryDirectory.appendingPathComponent("alloclint-fuzz-\(UUID().uuidString).go")
        defer { try? FileManager.default.removeItem(at: crashFile) }
        let process = Process()
        process.executableURL = fuzzBinary
        process.arguments = ["--runs", "3000", "--seed", "1", "--crash-file", crashFile.path]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failure = "\(stderr)\nreproduce: .build/release/AlloclintFuzz --seed 1 --replay N (N from the message above)"
        XCTAssertEqual(process.terminationReason, .exit, "crashed: " + failure)
        XCTAssertEqual(process.terminationStatus, 0, failure)
        XCTAssertTrue(stdout.contains("3000 executions"), stdout)
    }
}
