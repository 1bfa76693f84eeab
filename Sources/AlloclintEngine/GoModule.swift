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

    /// Works on bytes: only the `//` lines become Strings (this runs on every file).
    init(_ bytes: [UInt8]) {
        var lines: [String] = []
        var inBlockComment = false
        var start = 0
        let limit = min(bytes.count, 64 * 1024)
        while start < limit {
            var end = start
            while end < limit && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var first = start, last = end
            while first < last && FileHeader.isBlank(bytes[first]) { first += 1 }
            while last > first && FileHeader.isBlank(bytes[last - 1]) { last -= 1 }
            let line = bytes[first..<last]
            start = end + 1
            if inBlockComment {
                if FileHeader.contains(line, "*/") { inBlockComment = false }
                continue
            }
            if line.isEmpty { continue }
            if line.starts(with: "//".utf8) { lines.append(String(decoding: line, as: UTF8.self)); continue }
            if line.starts(with: "/*".utf8) { inBlockComment = !FileHeader.contains(line.dropFirst(2), "*/"); continue }
            break  // the package clause or other code
        }
        commentLines = lines
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ pair: StaticString) -> Bool {
        let first = pair.utf8Start[0], second = pair.utf8Start[1]
        var index = line.startIndex
        while index + 1 < line.endIndex {
            if line[index] == first && line[index + 1] == second { return true }
            index += 1
        }
        return false
    }

    /// Go's convention for generated files: `^// Code generated .* DO NOT EDIT\.$` before the package clause.
    var isGenerated: Bool {
        commentLines.contains { $0.hasPrefix("// Code generated ") && $0.hasSuffix(" DO NOT EDIT.") }
    }
}
