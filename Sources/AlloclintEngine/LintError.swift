/// A problem that is not a finding: unreadable paths, bad configuration, usage errors. Each one
/// is printed as one line and makes the run exit with status 2.
public struct LintError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or path concerned, when there is one.
    public var path: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(path: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:col: message`, or as much of it as is known.
    public var description: String {
        var prefix = ""
        if let path {
            prefix = path
            if let line {
                prefix += ":\(line)"
                if let column { prefix += ":\(column)" }
            }
            prefix += ": "
        }
        return prefix + message
    }
}
