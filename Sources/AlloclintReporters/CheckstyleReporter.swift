import AlloclintEngine
import AlloclintRules

/// Checkstyle XML (version 4.3), as read by reviewdog, Jenkins and other CI tools: a `<file>` per
/// file with findings, an `<error>` per finding. Columns count UTF-8 bytes, like the text format;
/// severities are error, warning and info.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func render(_ result: LintResult, _ context: ReportContext) -> Report {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        var currentPath: String?
        for finding in result.findings {  // sorted by path: each file's findings are together
            if finding.path != currentPath {
                if currentPath != nil { output += "  </file>\n" }
                output += "  <file name=\"\(Self.escaped(finding.path))\">\n"
                currentPath = finding.path
            }
            let start = finding.range.start
            output += "    <error line=\"\(start.line)\" column=\"\(start.column)\" severity=\"\(Self.severity(finding.severity))\""
                + " message=\"\(Self.escaped(finding.message))\" source=\"alloclint.\(Self.escaped(finding.ruleID))\"/>\n"
        }
        if currentPath != nil { output += "  </file>\n" }
        output += "</checkstyle>\n"
        return Report(text: output)
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "info"
        }
    }

    /// Text for a double-quoted XML attribute: markup characters as entities, line breaks and
    /// tabs as character references (so parsers keep them), and characters XML 1.0 forbids
    /// (other control characters, U+FFFE, U+FFFF) as U+FFFD.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n": escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case "\t": escaped += "&#9;"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
