import Foundation

/// A path glob as written in `.linter.yaml` and `--exclude`: `*`, `?` and `[...]` within one path
/// segment, `**` for any number of segments. A pattern without `/` matches at any depth, and a
/// pattern that matches a directory matches everything below it.
public struct Glob: Hashable, Sendable {
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) throws(LintError) {
        let trimmed = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        guard !trimmed.isEmpty else { throw LintError(message: "empty glob pattern") }
        var depth = 0
        for character in trimmed {
            if character == "[" { depth += 1 }
            if character == "]" { depth = max(0, depth - 1) }
        }
        guard depth == 0 else { throw LintError(message: "bad glob pattern \"\(pattern)\": unclosed '['") }
        self.pattern = pattern
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        segments = trimmed.contains("/") ? parts : ["**"] + parts
    }

    /// Whether `path` (relative to the glob's base, `/`-separated) or one of its parent
    /// directories matches.
    public func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return Glob.match(segments[...], components[...], allowPrefix: true)
    }

    /// Iterative-enough matcher: `**` tries each split point; other segments use fnmatch.
    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>, allowPrefix: Bool) -> Bool {
        guard let first = pattern.first else { return path.isEmpty || allowPrefix }
        if first == "**" {
            let rest = pattern.dropFirst()
            var index = path.startIndex
            while true {
                if match(rest, path[index...], allowPrefix: allowPrefix) { return true }
                if index == path.endIndex { return false }
                index += 1
            }
        }
        guard let component = path.first, fnmatch(first, component, FNM_PERIOD) == 0 else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), allowPrefix: allowPrefix)
    }
}
