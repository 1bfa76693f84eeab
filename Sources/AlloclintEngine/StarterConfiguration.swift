import AlloclintRules

/// The commented `.linter.yaml` that `alloclint init` writes, generated from the catalogue.
public enum StarterConfiguration {
    public static func text(_ catalogue: [RuleDescription]) -> String {
        var text = """
            # alloclint configuration. alloclint finds this file by walking up from the working
            # directory; `alloclint explain RULE` documents each rule.

            # Go language version of the code (default: the go directive of the nearest go.mod).
            # go-version: "1.22"

            # Files to skip, as globs relative to this file (`**` spans directories).
            exclude:
              - "**/*.pb.go"

            # Per rule: a severity (error, warning, note) or off, or a mapping with
            # severity, options and exclude (globs relative to this file).
            rules:

            """
        for entry in catalogue {
            text += "  # \(entry.summary)\n"
            if entry.options.isEmpty {
                text += "  \(entry.id): \(entry.severity.rawValue)\n"
            } else {
                text += "  \(entry.id):\n    severity: \(entry.severity.rawValue)\n    options:\n"
                for option in entry.options {
                    text += "      \(option.name): \(option.default)  # \(option.description.trimmedSingleLine)\n"
                }
            }
        }
        return text
    }
}

extension String {
    var trimmedSingleLine: String {
        split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

import Foundation
