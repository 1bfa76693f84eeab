/// Renderings of a catalogue entry: the single source for `explain`, `rules`, the README table
/// and SARIF help.
extension RuleDescription {
    /// The full documentation as Markdown: What it flags / Why it allocates / Example / Use instead / Options.
    public var markdown: String {
        var text = "# \(id)\n\n\(summary)\n\nDefault severity: **\(severity.rawValue)**. Tags: \(tags.joined(separator: ", ")).\n\n"
        text += "## What it flags\n\n\(docs.what.trimmed)\n\n"
        text += "## Why it allocates\n\n\(docs.why.trimmed)\n\n"
        text += "## Example\n\n" + examples.bad.map { "```go\n\($0.code.trimmed)\n```\n" }.joined(separator: "\n") + "\n"
        text += "## Use instead\n\n\(docs.fix.trimmed)\n\n"
        text += examples.good.map { "```go\n\($0.code.trimmed)\n```\n" }.joined(separator: "\n") + "\n"
        text += "## Options\n\n"
        if options.isEmpty {
            text += "None.\n"
        } else {
            for option in options {
                text += "- `\(option.name)` (\(option.type), default `\(option.default)`): \(option.description.trimmed)\n"
            }
        }
        return text
    }

    /// Plain text of the documentation (SARIF help.text).
    public var plainText: String {
        var text = "\(summary)\n\nWhat it flags: \(docs.what.trimmed)\n\nWhy it allocates: \(docs.why.trimmed)\n\nUse instead: \(docs.fix.trimmed)"
        if !options.isEmpty {
            text += "\n\nOptions: " + options.map { "\($0.name) (default \($0.default)): \($0.description.trimmed)" }.joined(separator: "; ")
        }
        return text
    }
}

extension Catalogue {
    /// The README's rule table (between the `<!-- rules -->` markers).
    public static func markdownTable(_ entries: [RuleDescription]) -> String {
        var table = "| Rule | Default | Summary |\n|---|---|---|\n"
        for entry in entries {
            table += "| [`\(entry.id)`](rules/\(entry.id)/rule.yaml) | \(entry.severity.rawValue) | \(entry.summary) |\n"
        }
        return table
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        while let first = text.first, first.isNewline { text.removeFirst() }
        return String(text)
    }
}
