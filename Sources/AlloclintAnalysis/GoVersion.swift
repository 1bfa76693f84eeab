/// A Go language version `1.minor`, as in go.mod's `go` directive and `//go:build go1.N`.
public struct GoVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let minor: Int

    public init(minor: Int) { self.minor = minor }

    /// Parses `1.22`, `1.22.3`, `go1.22` or `go1.22rc1`; nil for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("go") { rest = rest.dropFirst(2) }
        guard rest.hasPrefix("1.") else { return nil }
        let digits = rest.dropFirst(2).prefix(while: \.isNumber)
        guard let minor = Int(digits), !digits.isEmpty else { return nil }
        self.minor = minor
    }

    /// The newest version alloclint knows: the default when nothing says otherwise.
    public static let newest = GoVersion(minor: 25)
    /// Go 1.22 gave each loop iteration its own loop variables.
    public static let perIterationLoopVariables = GoVersion(minor: 22)
    /// Go 1.22 added `range` over an integer.
    public static let rangeOverIntegers = GoVersion(minor: 22)
    /// Go 1.23 added `range` over functions (iterators).
    public static let rangeOverFunctions = GoVersion(minor: 23)

    public static func < (lhs: GoVersion, rhs: GoVersion) -> Bool { lhs.minor < rhs.minor }
    public var description: String { "1.\(minor)" }
}

import Foundation
