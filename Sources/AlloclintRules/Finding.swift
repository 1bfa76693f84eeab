import AlloclintSyntax

public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    case error, warning, note

    /// error > warning > note.
    private var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .note: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Replace the bytes of `range` with `replacement`.
public struct TextEdit: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A safe fix: edits that are certainly correct, applied together.
public struct Fix: Hashable, Sendable {
    public var description: String
    public var edits: [TextEdit]

    public init(description: String, edits: [TextEdit]) {
        self.description = description
        self.edits = edits
    }
}

/// A second site a finding refers to (e.g. the Put a use-after-put follows).
public struct RelatedLocation: Hashable, Sendable {
    public var range: SourceRange
    public var message: String

    public init(range: SourceRange, message: String) {
        self.range = range
        self.message = message
    }
}

/// One finding, positioned in its file.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var path: String
    public var range: SourceRange
    public var related: [RelatedLocation]
    public var fix: Fix?

    public init(ruleID: String, severity: Severity, message: String, path: String, range: SourceRange,
                related: [RelatedLocation] = [], fix: Fix? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.path = path
        self.range = range
        self.related = related
        self.fix = fix
    }

    /// The output order: path, line, column, rule, then message.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.range.start.line != rhs.range.start.line { return lhs.range.start.line < rhs.range.start.line }
        if lhs.range.start.column != rhs.range.start.column { return lhs.range.start.column < rhs.range.start.column }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
