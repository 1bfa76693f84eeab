import AlloclintAnalysis
import Foundation

/// Finds each file's Go language version: `--go-version`, else the `go` directive of the nearest
/// go.mod, else the newest Go; a `//go:build go1.N` constraint raises it for one file.
final class GoVersionResolver {
    private let override: GoVersion?
    private var directoryCache: [String: GoVersion] = [:]
    private let lock = NSLock()

    init(override: GoVersion?) { self.override = override }

    /// The version for files of `directory` (absolute), before any build constraint.
    func version(forDirectory directory: String) -> GoVersion {
        if let override { return override }
        lock.lock(); defer { lock.unlock() }
        return lookUp(directory)
    }

    private func lookUp(_ directory: String) -> GoVersion {
        if let cached = directoryCache[directory] { return cached }
        let version: GoVersion
        if let bytes = try? FileSystem.read(directory + "/go.mod") {
            version = GoVersionResolver.goDirective(in: String(decoding: bytes, as: UTF8.self)) ?? .newest
        } else if directory == "/" || directory.isEmpty {
            version = .newest
        } else {
            version = lookUp((directory as NSString).deletingLastPathComponent)
        }
        directoryCache[directory] = version
        return version
    }

    /// The version of a go.mod's `go 1.N` line.
    static func goDirective(in goMod: String) -> GoVersion? {
        for line in goMod.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "go" { return GoVersion(parsing: String(words[1])) }
        }
        return nil
    }

    /// The highest `go1.N` a file's `//go:build` line requires, if any (only the header before
    /// the package clause is read).
    static func buildConstraintVersion(in bytes: [UInt8]) -> GoVersion? {
        var best: GoVersion?
        for line in FileHeader(bytes).commentLines where line.hasPrefix("//go:build") {
            var rest = line[...]
            while let range = rest.range(of: "go1.") {
                let digits = rest[range.upperBound...].prefix(while: \.isNumber)
                if let minor = Int(digits) { best = max(best ?? GoVersion(minor: minor), GoVersion(minor: minor)) }
                rest = rest[range.upperBound...]
            }
        }
        return best
    }
}

/// The comment lines that precede a Go file's package clause.
struct FileHeader {
    let commentLines: [String]

    init(_ bytes: [UInt8]) {
        var lines: [String] = []
        var inBlockComment = false
        var start = 0
        let limit = min(bytes.count, 64 * 1024)
        while start < limit {
            var end = start
            while end < limit && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            start = end + 1
            if inBlockComment {
                if line.contains("*/") { inBlockComment = false }
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("//") { lines.append(line); continue }
            if line.hasPrefix("/*") { inBlockComment = !line.contains("*/"); continue }
            break  // the package clause or other code
        }
        commentLines = lines
    }

    /// Go's convention for generated files: `^// Code generated .* DO NOT EDIT\.$` before the package clause.
    var isGenerated: Bool {
        commentLines.contains { $0.hasPrefix("// Code generated ") && $0.hasSuffix(" DO NOT EDIT.") }
    }
}
