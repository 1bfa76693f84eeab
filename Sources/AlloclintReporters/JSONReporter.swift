import AlloclintEngine
import AlloclintRules
import AlloclintSyntax
import Foundation

/// `{"version":1,"tool":{...},"findings":[...],"errors":[...]}`. Lines and columns are 1-based;
/// `column`/`endColumn` count UTF-8 bytes, `utf16Column`/`utf16EndColumn` UTF-16 code units (for
/// editors that speak LSP), `offset`/`endOffset` are 0-based byte offsets.
public struct JSONReporter: Reporter {
    public init() {}

    struct Document: Encodable {
        var version = 1
        var tool: Tool
        var findings: [JSONFinding]
        var errors: [JSONError]
    }

    struct Tool: Encodable {
        var name: String
        var version: String
    }

    struct Location: Encodable {
        var line, column, endLine, endColumn, utf16Column, utf16EndColumn, offset, endOffset: Int

        init(_ range: SourceRange) {
            line = range.start.line
            column = range.start.column
            endLine = range.end.line
            endColumn = range.end.column
            utf16Column = range.start.utf16Column
            utf16EndColumn = range.end.utf16Column
            offset = range.start.offset
            endOffset = range.end.offset
        }
    }

    struct JSONFinding: Encodable {
        var rule, severity, message, path: String
        var location: Location
        var related: [Related]
        var fix: JSONFix?

        enum CodingKeys: String, CodingKey { case rule, severity, message, path, related, fix }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(path, forKey: .path)
            try location.encode(to: encoder)
            try container.encode(related, forKey: .related)
            try container.encodeIfPresent(fix, forKey: .fix)
        }
    }

    struct Related: Encodable {
        var message: String
        var location: Location

        enum CodingKeys: String, CodingKey { case message }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try location.encode(to: encoder)
        }
    }

    struct JSONFix: Encodable {
        var description: String
        var edits: [Edit]
    }

    struct Edit: Encodable {
        /// 0-based byte offsets of the replaced range.
        var offset, endOffset: Int
        var replacement: String
    }

    struct JSONError: Encodable {
        var path: String?
        var line: Int?
        var column: Int?
        var message: String
    }

    public func render(_ result: LintResult, _ context: ReportContext) -> Report {
        let document = Document(
            tool: Tool(name: ToolInfo.name, version: ToolInfo.version),
            findings: result.findings.map { finding in
                JSONFinding(
                    rule: finding.ruleID, severity: finding.severity.rawValue, message: finding.message,
                    path: finding.path, location: Location(finding.range),
                    related: finding.related.map { Related(message: $0.message, location: Location($0.range)) },
                    fix: finding.fix.map { fix in
                        JSONFix(description: fix.description, edits: fix.edits.map {
                            Edit(offset: $0.range.lowerBound, endOffset: $0.range.upperBound, replacement: $0.replacement)
                        })
                    })
            },
            errors: result.errors.map { JSONError(path: $0.path, line: $0.line, column: $0.column, message: $0.message) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return Report(text: "{}\n") }
        return Report(text: String(decoding: data, as: UTF8.self) + "\n")
    }
}
