import AlloclintEngine
import AlloclintRules
import Foundation

/// What every reporter may need besides the findings.
public struct ReportContext: Sendable {
    public var catalogue: [RuleDescription]
    /// Colour and source excerpts (text format on a terminal).
    public var color = false
    /// SARIF `automationDetails.id`.
    public var sarifCategory = "alloclint/"
    /// The directory finding paths are relative to (SARIF `%SRCROOT%`).
    public var workingDirectory = FileManager.default.currentDirectoryPath

    public init(catalogue: [RuleDescription]) { self.catalogue = catalogue }
}

/// A rendered report, and what the user should know about it (printed on stderr).
public struct Report: Sendable {
    public var text: String
    public var warnings: [String]

    public init(text: String, warnings: [String] = []) {
        self.text = text
        self.warnings = warnings
    }
}

/// Renders a lint result in one output format.
public protocol Reporter {
    func render(_ result: LintResult, _ context: ReportContext) -> Report
}

/// The output formats of `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, checkstyle

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        case .checkstyle: return CheckstyleReporter()
        }
    }
}

/// alloclint's own version, as printed by `alloclint version` and written into reports.
public enum ToolInfo {
    public static let name = "alloclint"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/alloclint/alloclint"
}
