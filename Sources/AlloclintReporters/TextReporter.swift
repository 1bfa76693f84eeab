import AlloclintEngine
import AlloclintRules
import AlloclintSyntax

/// `path:line:col: severity: message [rule-id]`, one finding per line (gcc / go vet style). On a
/// colour terminal each line is followed by the source line and a caret under the finding.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ result: LintResult, _ context: ReportContext) -> Report {
        var output = ""
        for finding in result.findings {
            let start = finding.range.start
            let severity = context.color ? colored(finding.severity) : finding.severity.rawValue
            output += "\(finding.path):\(start.line):\(start.column): \(severity): \(finding.message) [\(finding.ruleID)]\n"
            if context.color, let source = result.sources[finding.path] {
                output += excerpt(finding, source)
            }
        }
        return Report(text: output)
    }

    private func colored(_ severity: Severity) -> String {
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;33"
        case .note: code = "1;36"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }

    /// Lines longer than this (generated or minified code) get no excerpt: repeating such a line
    /// for each of its findings would make the output quadratic in its length.
    private static let longestExcerptLine = 500

    /// The finding's first source line with a caret run under the reported range.
    private func excerpt(_ finding: Finding, _ source: SourceText) -> String {
        let start = finding.range.start, end = finding.range.end
        let starts = source.lineStarts
        let lineEnd = start.line < starts.count ? starts[start.line] : source.bytes.count
        guard lineEnd - starts[start.line - 1] <= Self.longestExcerptLine else { return "" }
        let line = source.line(start.line)
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        // Keep tabs so the caret lines up with the source as the terminal shows it.
        let prefix = line.utf16.prefix(start.utf16Column - 1)
        let indent = String(String(decoding: Array(prefix), as: UTF16.self).map { $0 == "\t" ? "\t" : " " })
        let width = end.line == start.line ? max(1, end.utf16Column - start.utf16Column) : max(1, line.utf16.count - start.utf16Column + 1)
        let carets = String(repeating: "^", count: width)
        return " \(gutter) | \(line)\n \(pad) | \(indent)\u{1B}[1;32m\(carets)\u{1B}[0m\n"
    }
}
