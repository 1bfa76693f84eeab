import AlloclintEngine
import AlloclintRules

/// GitHub Actions workflow commands, one per finding, which the runner turns into annotations:
/// `::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=alloclint: RULE::message`.
/// Columns count UTF-16 code units like SARIF's; a finding that spans lines gives `line` and
/// `endLine` only, because GitHub accepts columns only on single-line annotations.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ result: LintResult, _ context: ReportContext) -> Report {
        var output = ""
        for finding in result.findings {
            let start = finding.range.start, end = finding.range.end
            var properties = ["file=\(Self.escapedProperty(finding.path))", "line=\(start.line)"]
            if start.line == end.line {
                properties += ["col=\(start.utf16Column)", "endLine=\(end.line)", "endColumn=\(end.utf16Column)"]
            } else {
                properties.append("endLine=\(end.line)")
            }
            properties.append("title=\(Self.escapedProperty("alloclint: \(finding.ruleID)"))")
            output += "::\(Self.command(finding.severity)) \(properties.joined(separator: ","))::\(Self.escapedData(finding.message))\n"
        }
        return Report(text: output)
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// The message: `%`, CR and LF are percent-encoded (GitHub's escaping of command data).
    static func escapedData(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A property value: as data, and `:` and `,` too, which would end the value.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
